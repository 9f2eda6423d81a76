package dev.ossp.runtime.mcp.internal.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.mcp.McpCancelledException;
import dev.ossp.runtime.mcp.McpConnectionClosedException;
import dev.ossp.runtime.mcp.McpException;
import dev.ossp.runtime.mcp.McpJsonRpcException;
import dev.ossp.runtime.mcp.McpMessageTooLargeException;
import dev.ossp.runtime.mcp.McpProgress;
import dev.ossp.runtime.mcp.McpProgressListener;
import dev.ossp.runtime.mcp.McpProtocolException;
import dev.ossp.runtime.mcp.McpTimeoutException;
import dev.ossp.runtime.mcp.internal.transport.McpTransport;
import dev.ossp.runtime.mcp.internal.transport.TransportClosed;
import dev.ossp.runtime.mcp.internal.transport.TransportListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over one transport. Requests get unique numeric ids and wait in a table until the
 * response with their id arrives, in any order; notifications never complete a request. Each
 * request has a timeout; when it passes, or the caller cancels, the session sends {@code
 * notifications/cancelled} with the id and a reason (unless the request is marked as one that must
 * not be cancelled, like {@code initialize}), removes the entry, and ignores a late response.
 *
 * <p>Answers complete their futures on the transport's reader thread. Timeouts share one scheduled
 * wake-up per session ({@link RequestDeadlines}). Thread-safe.
 */
public final class JsonRpcSession implements TransportListener {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcSession.class);

  /** The method the client and server use to cancel a request. */
  public static final String CANCELLED = "notifications/cancelled";

  private static final String PROGRESS = "notifications/progress";
  private static final SerializedString JSONRPC_FIELD = new SerializedString("jsonrpc");
  private static final SerializedString JSONRPC_VERSION = new SerializedString("2.0");
  private static final SerializedString ID_FIELD = new SerializedString("id");
  private static final SerializedString METHOD_FIELD = new SerializedString("method");
  private static final SerializedString PARAMS_FIELD = new SerializedString("params");

  /** Writes a params node, adding the progress token to its {@code _meta} when one is given. */
  private static final ParamsWriter<ObjectNode> NODE_PARAMS =
      (generator, params, progressToken) -> {
        if (progressToken >= 0) {
          params.withObject("_meta").put("progressToken", progressToken);
        }
        Json.MAPPER.writeTree(generator, params);
      };

  private final String serverId;
  private final McpTransport transport;
  private final RequestDeadlines deadlines;
  private final Clock clock;
  private final ConcurrentHashMap<Long, Pending<?>> pending = new ConcurrentHashMap<>();
  private final AtomicLong lastId = new AtomicLong();
  private final AtomicBoolean handlerNotified = new AtomicBoolean();
  private volatile @Nullable ServerMessageHandler handler;
  private volatile @Nullable TransportClosed closed;
  private volatile long lastActivityMillis;

  /**
   * Creates a session.
   *
   * @param scheduler runs the request timeouts
   * @param clock the source of {@link #lastActivityMillis()}
   */
  public JsonRpcSession(
      String serverId, McpTransport transport, ScheduledExecutorService scheduler, Clock clock) {
    this.serverId = serverId;
    this.transport = transport;
    this.deadlines =
        new RequestDeadlines(
            (task, delayNanos) -> scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS),
            System::nanoTime,
            this::expireDue);
    this.clock = clock;
    this.lastActivityMillis = clock.millis();
  }

  /** Sets the handler of server requests and notifications; call before the transport starts. */
  public void setHandler(ServerMessageHandler handler) {
    this.handler = handler;
  }

  /** Returns the transport under this session. */
  public McpTransport transport() {
    return transport;
  }

  /**
   * Sends a request.
   *
   * @param params the params object, or null for none; a progress token is added to its {@code
   *     _meta} when {@code progressListener} is set
   * @param timeout how long to wait for the response
   * @param cancellable whether a timeout or cancel sends {@code notifications/cancelled}; false
   *     only for {@code initialize}
   */
  public <T> RequestFuture<T> request(
      String method,
      @Nullable ObjectNode params,
      Duration timeout,
      ResultParser<T> parser,
      @Nullable McpProgressListener progressListener,
      boolean cancellable) {
    ObjectNode withToken = params;
    if (withToken == null && progressListener != null) {
      withToken = Json.object();
    }
    return request(
        method, NODE_PARAMS, withToken, timeout, parser, progressListener, cancellable, null);
  }

  /**
   * Sends a request whose params {@code paramsWriter} writes straight into the message.
   *
   * @param params the params source, or null to send no params
   * @param completionListener hears the completion of the returned future, or null
   * @throws IllegalArgumentException if {@code paramsWriter} rejects {@code params}; nothing is
   *     sent then
   * @see #request(String, ObjectNode, Duration, ResultParser, McpProgressListener, boolean)
   */
  public <P, T> RequestFuture<T> request(
      String method,
      ParamsWriter<P> paramsWriter,
      @Nullable P params,
      Duration timeout,
      ResultParser<T> parser,
      @Nullable McpProgressListener progressListener,
      boolean cancellable,
      @Nullable CompletionListener completionListener) {
    long id = lastId.incrementAndGet();
    OutgoingMessage message = OutgoingMessage.acquire();
    try {
      writeRequest(message, id, method, paramsWriter, params, progressListener != null);
      return register(
          message, id, method, timeout, parser, progressListener, cancellable, completionListener);
    } finally {
      message.release();
    }
  }

  private <P> void writeRequest(
      OutgoingMessage message,
      long id,
      String method,
      ParamsWriter<P> paramsWriter,
      @Nullable P params,
      boolean withProgressToken) {
    JsonGenerator generator = message.generator();
    try {
      generator.writeStartObject();
      generator.writeFieldName(JSONRPC_FIELD);
      generator.writeString(JSONRPC_VERSION);
      generator.writeFieldName(ID_FIELD);
      generator.writeNumber(id);
      generator.writeFieldName(METHOD_FIELD);
      generator.writeString(method);
      if (params != null) {
        generator.writeFieldName(PARAMS_FIELD);
        paramsWriter.write(generator, params, withProgressToken ? id : -1);
      }
      generator.writeEndObject();
      generator.flush();
    } catch (IOException e) {
      message.discard();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      message.discard();
      throw e;
    }
  }

  private <T> RequestFuture<T> register(
      OutgoingMessage message,
      long id,
      String method,
      Duration timeout,
      ResultParser<T> parser,
      @Nullable McpProgressListener progressListener,
      boolean cancellable,
      @Nullable CompletionListener completionListener) {
    RequestFuture<T> future = new RequestFuture<>(this, id, completionListener);
    TransportClosed end = closed;
    if (end != null) {
      future.completeExceptionally(closedError(method, end));
      return future;
    }
    long deadline = deadlines.deadlineAfter(timeout.toNanos());
    Pending<T> entry =
        new Pending<>(id, method, future, parser, progressListener, cancellable, timeout, deadline);
    pending.put(id, entry);
    deadlines.arm(deadline);
    end = closed;
    if (end != null && pending.remove(id, entry)) {
      future.completeExceptionally(closedError(method, end));
      return future;
    }
    lastActivityMillis = clock.millis();
    try {
      transport.send(message.buffer(), message.length(), id);
    } catch (McpException e) {
      if (pending.remove(id, entry)) {
        future.completeExceptionally(withMethod(e, method));
      }
    }
    return future;
  }

  /** Sends a notification; a failure to send is logged at DEBUG, as no one waits for it. */
  public void notify(String method, @Nullable ObjectNode params) {
    try {
      byte[] message = encode(null, method, params, null, null);
      transport.send(message, message.length, -1);
    } catch (McpException e) {
      LOG.debug("sending {} to MCP server '{}' failed: {}", method, serverId, e.getMessage());
    }
  }

  /** Sends the result of a server request. */
  public void respond(JsonNode id, JsonNode result) {
    sendAnswer(encode(id, null, null, result, null));
  }

  /** Answers a server request with a JSON-RPC error. */
  public void respondError(JsonNode id, int code, String message) {
    ObjectNode error = Json.object().put("code", code).put("message", message);
    sendAnswer(encode(id, null, null, null, error));
  }

  private void sendAnswer(byte[] answer) {
    try {
      transport.send(answer, answer.length, -1);
    } catch (McpException e) {
      LOG.debug("answering a request of MCP server '{}' failed: {}", serverId, e.getMessage());
    }
  }

  /**
   * Cancels request {@code future} of this session: sends {@code notifications/cancelled} with
   * {@code reason} and fails the future with {@link McpCancelledException}.
   *
   * @return false if the future is not a pending request of this session
   */
  public boolean cancel(Future<?> future, String reason) {
    if (!(future instanceof RequestFuture<?> request) || request.session() != this) {
      return false;
    }
    return abandon(
        request.id(),
        reason,
        entry ->
            new McpCancelledException(serverId, entry.method, Long.toString(entry.id), reason));
  }

  /**
   * Forgets a pending request: removes it, stops its timer, and sends {@code
   * notifications/cancelled} if it is cancellable. Fails its future with {@code failure}'s error
   * when given.
   */
  boolean abandon(long id, String reason, @Nullable Function<Pending<?>, Throwable> failure) {
    Pending<?> entry = pending.remove(id);
    if (entry == null) {
      return false;
    }
    if (entry.cancellable && closed == null) {
      ObjectNode params = Json.object().put("requestId", id).put("reason", reason);
      notify(CANCELLED, params);
      LOG.debug(
          "cancelled request {} ({}) to MCP server '{}': {}", id, entry.method, serverId, reason);
    }
    if (failure != null) {
      entry.future.completeExceptionally(failure.apply(entry));
    }
    return true;
  }

  /**
   * Fails every request whose deadline has passed at {@code nowNanos} and arms the wake-up for the
   * earliest deadline left; {@link RequestDeadlines} calls it.
   */
  private void expireDue(long nowNanos) {
    boolean left = false;
    long earliest = 0;
    for (Pending<?> entry : pending.values()) {
      if (!RequestDeadlines.isDue(entry.deadlineNanos, nowNanos)) {
        earliest =
            left ? RequestDeadlines.earlier(earliest, entry.deadlineNanos) : entry.deadlineNanos;
        left = true;
        continue;
      }
      try {
        timedOut(entry.id);
      } catch (RuntimeException e) {
        LOG.warn("timing out request {} to MCP server '{}' failed", entry.id, serverId, e);
      }
    }
    if (left) {
      deadlines.arm(earliest);
    }
  }

  private void timedOut(long id) {
    abandon(
        id,
        "timed out",
        entry ->
            new McpTimeoutException(
                serverId, entry.method, Long.toString(entry.id), entry.timeout));
  }

  /** Returns the number of requests sent and not yet completed. */
  public int inFlight() {
    return pending.size();
  }

  /** Returns the clock time in milliseconds of the last request sent or response received. */
  public long lastActivityMillis() {
    return lastActivityMillis;
  }

  /** Returns the reason the connection ended, or null while it is open. */
  public @Nullable TransportClosed closedInfo() {
    return closed;
  }

  /**
   * Completes the request of a response from the token stream when its result parser has a stream
   * form. Otherwise it declines, and the response arrives again as a tree.
   */
  @Override
  public boolean onResponse(long id, MessageReader response) {
    Pending<?> entry = pending.get(id);
    if (entry == null || !(entry.parser instanceof StreamingResultParser<?>)) {
      return false;
    }
    if (!pending.remove(id, entry)) {
      return false;
    }
    lastActivityMillis = clock.millis();
    entry.completeFrom(response, serverId);
    return true;
  }

  @Override
  public void onMessage(JsonNode message) {
    if (message.isArray()) {
      for (JsonNode element : message) {
        handleOne(element);
      }
    } else {
      handleOne(message);
    }
  }

  private void handleOne(JsonNode message) {
    if (!message.isObject()) {
      LOG.warn(
          "MCP server '{}' sent a JSON-RPC message that is not an object: {}",
          serverId,
          Json.abbreviate(message.toString(), 200));
      return;
    }
    JsonNode method = message.get("method");
    JsonNode id = message.get("id");
    if (method != null && method.isTextual()) {
      JsonNode params = message.get("params");
      JsonNode safeParams = params != null && params.isObject() ? params : Json.object();
      if (id != null && !id.isNull()) {
        dispatchRequest(id, method.textValue(), safeParams);
      } else {
        dispatchNotification(method.textValue(), safeParams);
      }
    } else if (id != null && (message.has("result") || message.has("error"))) {
      complete(id, message);
    } else {
      LOG.warn(
          "MCP server '{}' sent a message that is neither request, notification nor answer:"
              + " {}",
          serverId,
          Json.abbreviate(message.toString(), 200));
    }
  }

  private void dispatchRequest(JsonNode id, String method, JsonNode params) {
    ServerMessageHandler current = handler;
    if (current == null) {
      respondError(id, McpJsonRpcException.METHOD_NOT_FOUND, "Method not found: " + method);
      return;
    }
    current.onRequest(id, method, params);
  }

  private void dispatchNotification(String method, JsonNode params) {
    if (method.equals(PROGRESS)) {
      routeProgress(params);
    }
    ServerMessageHandler current = handler;
    if (current != null) {
      current.onNotification(method, params);
    }
  }

  private void routeProgress(JsonNode params) {
    JsonNode token = params.get("progressToken");
    long key = idKey(token);
    Pending<?> entry = key == Long.MIN_VALUE ? null : pending.get(key);
    if (entry == null || entry.progressListener == null) {
      return;
    }
    try {
      entry.progressListener.onProgress(progressOf(params));
    } catch (RuntimeException e) {
      LOG.warn("a progress listener for request {} to MCP server '{}' failed", key, serverId, e);
    }
  }

  /** Parses the params of {@code notifications/progress}. */
  public static McpProgress progressOf(JsonNode params) {
    JsonNode token = params.path("progressToken");
    JsonNode total = params.get("total");
    return new McpProgress(
        token.isTextual() ? token.textValue() : token.toString(),
        params.path("progress").asDouble(),
        total != null && total.isNumber() ? total.asDouble() : Double.NaN,
        Json.text(params, "message"));
  }

  private void complete(JsonNode id, JsonNode message) {
    long key = idKey(id);
    Pending<?> entry = key == Long.MIN_VALUE ? null : pending.remove(key);
    if (entry == null) {
      LOG.debug(
          "MCP server '{}' answered request {}, which timed out, was cancelled or is"
              + " unknown; ignoring the answer",
          serverId,
          id);
      return;
    }
    lastActivityMillis = clock.millis();
    JsonNode error = message.get("error");
    if (error != null && !error.isNull()) {
      entry.future.completeExceptionally(errorOf(entry.method, error));
      return;
    }
    entry.completeWith(message.get("result"), serverId);
  }

  private McpException errorOf(String method, JsonNode error) {
    JsonNode code = error.get("code");
    if (!error.isObject() || code == null || !code.canConvertToInt()) {
      return new McpProtocolException(
          serverId,
          method,
          "the error answer to " + method + " has no integer code: " + error,
          null);
    }
    return new McpJsonRpcException(
        serverId,
        method,
        code.intValue(),
        Json.textOrEmpty(error, "message"),
        Json.writeOrNull(error.get("data")));
  }

  @Override
  public void onMessageTooLarge(@Nullable String idText, long size, long limit) {
    Pending<?> entry = null;
    if (idText != null) {
      try {
        String digits = idText.startsWith("\"") ? idText.substring(1, idText.length() - 1) : idText;
        entry = pending.remove(Long.parseLong(digits));
      } catch (NumberFormatException e) {
        entry = null;
      }
    }
    if (entry == null) {
      LOG.warn(
          "MCP server '{}' sent a message of {} bytes, more than the maximum of {}; skipped"
              + " it (request id {})",
          serverId,
          size,
          limit,
          idText == null ? "unknown" : idText);
      return;
    }
    LOG.warn(
        "MCP server '{}' answered request {} ({}) with {} bytes, more than the maximum of {};"
            + " failing that request",
        serverId,
        entry.id,
        entry.method,
        size,
        limit);
    entry.future.completeExceptionally(
        new McpMessageTooLargeException(serverId, entry.method, size, limit));
  }

  @Override
  public void onSendFailure(long requestId, McpException failure) {
    Pending<?> entry = pending.remove(requestId);
    if (entry != null) {
      entry.future.completeExceptionally(withMethod(failure, entry.method));
    }
  }

  /**
   * Marks the session closed and fails every pending request now, before the transport has finished
   * closing; {@link #onClosed} follows when it has.
   */
  public void shutdown(TransportClosed end) {
    if (closed == null) {
      closed = end;
    }
    failPending(end);
  }

  /**
   * Marks the session closed, notifies the handler, then fails every pending request. The handler
   * goes first, so the connection's state reads closed by the time a caller sees the failure.
   */
  @Override
  public void onClosed(TransportClosed end) {
    if (closed == null) {
      closed = end;
    }
    ServerMessageHandler current = handler;
    if (current != null && handlerNotified.compareAndSet(false, true)) {
      try {
        current.onClosed(end);
      } catch (RuntimeException e) {
        LOG.error("handling the end of the connection to MCP server '{}' failed", serverId, e);
      }
    }
    failPending(end);
  }

  private void failPending(TransportClosed end) {
    for (Long id : pending.keySet()) {
      Pending<?> entry = pending.remove(id);
      if (entry != null) {
        entry.future.completeExceptionally(closedError(entry.method, end));
      }
    }
  }

  private McpConnectionClosedException closedError(String method, TransportClosed end) {
    return new McpConnectionClosedException(
        serverId, method, end.reason(), end.exitCode(), end.stderrTail());
  }

  private McpException withMethod(McpException failure, String method) {
    if (failure.method().isPresent()) {
      return failure;
    }
    if (failure instanceof McpMessageTooLargeException tooLarge) {
      return new McpMessageTooLargeException(serverId, method, tooLarge.size(), tooLarge.limit());
    }
    return failure;
  }

  /** Returns the numeric key of a request id node, or {@link Long#MIN_VALUE} if it has none. */
  private static long idKey(@Nullable JsonNode id) {
    if (id == null) {
      return Long.MIN_VALUE;
    }
    if (id.isIntegralNumber() && id.canConvertToLong()) {
      return id.longValue();
    }
    if (id.isTextual()) {
      try {
        return Long.parseLong(id.textValue());
      } catch (NumberFormatException e) {
        return Long.MIN_VALUE;
      }
    }
    return Long.MIN_VALUE;
  }

  private static byte[] encode(
      @Nullable JsonNode id,
      @Nullable String method,
      @Nullable JsonNode params,
      @Nullable JsonNode result,
      @Nullable JsonNode error) {
    ObjectNode message = Json.object().put("jsonrpc", "2.0");
    if (id != null) {
      message.set("id", id);
    }
    if (method != null) {
      message.put("method", method);
    }
    if (params != null) {
      message.set("params", params);
    }
    if (result != null) {
      message.set("result", result);
    }
    if (error != null) {
      message.set("error", error);
    }
    try {
      return Json.MAPPER.writeValueAsBytes(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One request waiting for its answer. */
  static final class Pending<T> {
    final long id;
    final String method;
    final RequestFuture<T> future;
    final ResultParser<T> parser;
    final @Nullable McpProgressListener progressListener;
    final boolean cancellable;
    final Duration timeout;
    final long deadlineNanos;

    Pending(
        long id,
        String method,
        RequestFuture<T> future,
        ResultParser<T> parser,
        @Nullable McpProgressListener progressListener,
        boolean cancellable,
        Duration timeout,
        long deadlineNanos) {
      this.id = id;
      this.method = method;
      this.future = future;
      this.parser = parser;
      this.progressListener = progressListener;
      this.cancellable = cancellable;
      this.timeout = timeout;
      this.deadlineNanos = deadlineNanos;
    }

    /**
     * Completes the future from a response's token stream, or from its tree if the stream form
     * declines or fails. The tree form then reports any error.
     */
    @SuppressWarnings("unchecked")
    void completeFrom(MessageReader response, String serverId) {
      StreamingResultParser<T> streaming = (StreamingResultParser<T>) parser;
      T value = null;
      try {
        value = response.parseResult(streaming);
      } catch (IOException | RuntimeException e) {
        LOG.debug("reading the result of request {} as a stream failed: {}", id, e.toString());
      }
      if (value != null) {
        future.complete(value);
        return;
      }
      JsonNode message;
      try {
        message = response.tree();
      } catch (IOException e) {
        future.completeExceptionally(
            new McpProtocolException(
                serverId, method, "the response to " + method + " is not valid JSON", e));
        return;
      }
      completeWith(message.get("result"), serverId);
    }

    void completeWith(@Nullable JsonNode result, String serverId) {
      if (result == null || !result.isObject()) {
        future.completeExceptionally(
            new McpProtocolException(
                serverId,
                method,
                "the result of " + method + " is not a JSON object: " + result,
                null));
        return;
      }
      T value;
      try {
        value = parser.parse(result);
      } catch (RuntimeException e) {
        future.completeExceptionally(
            new McpProtocolException(
                serverId,
                method,
                "the result of " + method + " has an unexpected shape: " + e.getMessage(),
                e));
        return;
      }
      future.complete(value);
    }
  }
}
