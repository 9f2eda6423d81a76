package dev.ossp.runtime.mcp.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.mcp.McpConnectionClosedException;
import dev.ossp.runtime.mcp.McpException;
import dev.ossp.runtime.mcp.McpMessageTooLargeException;
import dev.ossp.runtime.mcp.McpProtocolException;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.internal.jsonrpc.Json;
import dev.ossp.runtime.mcp.internal.transport.McpTransport;
import dev.ossp.runtime.mcp.internal.transport.TransportClosed;
import dev.ossp.runtime.mcp.internal.transport.TransportListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streamable HTTP transport of MCP (revisions 2025-03-26 and later) on Apache HttpClient 5.
 * Each message is a POST with {@code Accept: application/json, text/event-stream}; the response is
 * one JSON message, an SSE stream of messages, or 202 for notifications and responses. The {@code
 * Mcp-Session-Id} the server assigns in its {@code initialize} answer goes on every later request,
 * and so does {@code MCP-Protocol-Version} once negotiated. After initialize a GET opens the
 * standalone SSE stream for messages the server starts; a server without one answers 405.
 *
 * <p>When an SSE stream ends before the response it carries, the transport resumes it with a GET
 * that sends {@code Last-Event-ID}, after the delay of the stream's last {@code retry} field (1 s
 * when the server gave none), at most {@value #MAX_RESUMPTIONS} times. The standalone stream is
 * reopened the same way until the transport closes. HTTP 404 on a request that carries a session id
 * means the server ended the session, and closes the transport.
 *
 * <p>Thread-safe. Requests run on the given executor, one thread per open HTTP exchange.
 */
public final class StreamableHttpTransport implements McpTransport {
  private static final Logger LOG = LoggerFactory.getLogger(StreamableHttpTransport.class);
  private static final int MAX_RESUMPTIONS = 5;
  private static final long DEFAULT_RETRY_MILLIS = 1000;
  private static final long MAX_RETRY_MILLIS = 30_000;
  private static final String SESSION_HEADER = "Mcp-Session-Id";
  private static final String VERSION_HEADER = "MCP-Protocol-Version";

  private final McpServerSpec spec;
  private final URI url;
  private final ExecutorService executor;
  private final ScheduledExecutorService scheduler;
  private final CloseableHttpClient http;
  private final Set<HttpUriRequestBase> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closedReported = new AtomicBoolean();
  private volatile @Nullable TransportListener listener;
  private volatile @Nullable String sessionId;
  private volatile @Nullable String protocolVersion;
  private volatile boolean closing;

  /**
   * Creates the transport for a Streamable HTTP spec.
   *
   * @param executor runs the HTTP exchanges; needs a thread per open exchange
   * @param scheduler runs the delays before SSE reconnects
   */
  public StreamableHttpTransport(
      McpServerSpec spec, ExecutorService executor, ScheduledExecutorService scheduler) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.url = spec.url().orElseThrow(() -> new IllegalArgumentException("spec has no URL"));
    this.executor = Objects.requireNonNull(executor, "executor");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    Timeout readTimeout =
        Timeout.of(Math.max(spec.requestTimeout().toMillis(), 300_000), TimeUnit.MILLISECONDS);
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(32)
                    .setMaxConnPerRoute(32)
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(10))
                            .setSocketTimeout(readTimeout)
                            .build())
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(readTimeout).build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .build();
  }

  @Override
  public void start(TransportListener transportListener) {
    this.listener = Objects.requireNonNull(transportListener, "transportListener");
    LOG.info("MCP server '{}' at {}: Streamable HTTP transport ready", spec.id(), url);
  }

  @Override
  public void send(byte[] message, int length, long requestId) {
    if (length > spec.maxMessageSize()) {
      throw new McpMessageTooLargeException(spec.id(), null, length, spec.maxMessageSize());
    }
    if (closing || closedReported.get()) {
      throw new McpConnectionClosedException(
          spec.id(), null, "the connection is closed", null, List.of());
    }
    byte[] body = Arrays.copyOf(message, length);
    executor.execute(() -> post(body, requestId));
  }

  @Override
  public void initialized(String negotiatedVersion) {
    this.protocolVersion = negotiatedVersion;
    executor.execute(() -> listen(null, 0));
  }

  private void post(byte[] message, long requestId) {
    HttpPost post = new HttpPost(url);
    post.setHeader("Accept", "application/json, text/event-stream");
    post.setEntity(new ByteArrayEntity(message, ContentType.APPLICATION_JSON));
    addCommonHeaders(post);
    open.add(post);
    try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
      captureSession(response);
      int status = response.getCode();
      HttpEntity entity = response.getEntity();
      if (status == 202 || status == 204) {
        EntityUtils.consume(entity);
        return;
      }
      if (status == 404 && sessionId != null) {
        EntityUtils.consume(entity);
        reportClosed("the server ended the session (HTTP 404)");
        return;
      }
      if (status < 200 || status >= 300) {
        String body =
            entity == null
                ? ""
                : new String(EntityUtils.toByteArray(entity, 4096), StandardCharsets.UTF_8);
        fail(requestId, "HTTP " + status + " " + Json.abbreviate(body, 300));
        return;
      }
      String contentType = contentType(entity);
      if (contentType.startsWith("text/event-stream")) {
        readPostStream(entity.getContent(), requestId);
      } else if (contentType.startsWith("application/json")) {
        byte[] body = EntityUtils.toByteArray(entity, (int) spec.maxMessageSize());
        deliver(Json.parse(body, 0, body.length));
      } else {
        EntityUtils.consume(entity);
        fail(requestId, "unexpected content type '" + contentType + "' with HTTP " + status);
      }
    } catch (IOException e) {
      if (!closing) {
        failConnection(requestId, "the HTTP request failed: " + e);
      }
    } catch (RuntimeException e) {
      LOG.error("POST to MCP server '{}' failed unexpectedly", spec.id(), e);
      fail(requestId, "the HTTP exchange failed: " + e);
    } finally {
      open.remove(post);
    }
  }

  private void readPostStream(InputStream content, long requestId) throws IOException {
    StreamState state = new StreamState(requestId);
    readEvents(content, state);
    resumeIfUnanswered(state, 0);
  }

  private void resumeIfUnanswered(StreamState state, int resumptions) {
    if (state.answered || state.requestId < 0 || closing) {
      return;
    }
    if (state.lastEventId == null) {
      fail(
          state.requestId,
          "the server closed the SSE stream before answering, without an event"
              + " id to resume from");
      return;
    }
    if (resumptions >= MAX_RESUMPTIONS) {
      fail(state.requestId, "the SSE stream ended " + MAX_RESUMPTIONS + " times without an answer");
      return;
    }
    long delay = state.retryMillis >= 0 ? state.retryMillis : DEFAULT_RETRY_MILLIS;
    LOG.debug(
        "MCP server '{}' closed the SSE stream of request {}; resuming from event '{}' in {} ms",
        spec.id(),
        state.requestId,
        state.lastEventId,
        delay);
    scheduler.schedule(
        () -> executor.execute(() -> resume(state, resumptions + 1)),
        Math.min(delay, MAX_RETRY_MILLIS),
        TimeUnit.MILLISECONDS);
  }

  private void resume(StreamState state, int resumptions) {
    HttpGet get = streamRequest(state.lastEventId);
    open.add(get);
    try (ClassicHttpResponse response = http.executeOpen(null, get, null)) {
      HttpEntity entity = response.getEntity();
      if (response.getCode() != 200 || !contentType(entity).startsWith("text/event-stream")) {
        EntityUtils.consume(entity);
        fail(state.requestId, "resuming the SSE stream failed with HTTP " + response.getCode());
        return;
      }
      readEvents(entity.getContent(), state);
    } catch (IOException e) {
      if (closing) {
        return;
      }
      LOG.debug("resuming the SSE stream of MCP server '{}' failed: {}", spec.id(), e.toString());
    } finally {
      open.remove(get);
    }
    resumeIfUnanswered(state, resumptions);
  }

  /** Reads the standalone SSE stream, reconnecting after it ends until the transport closes. */
  private void listen(@Nullable String lastEventId, int failuresInRow) {
    if (closing) {
      return;
    }
    StreamState state = new StreamState(-1);
    state.lastEventId = lastEventId;
    HttpGet get = streamRequest(lastEventId);
    open.add(get);
    boolean failed = false;
    try (ClassicHttpResponse response = http.executeOpen(null, get, null)) {
      HttpEntity entity = response.getEntity();
      int status = response.getCode();
      if (status == 405) {
        EntityUtils.consume(entity);
        LOG.debug("MCP server '{}' offers no standalone SSE stream (HTTP 405)", spec.id());
        return;
      }
      if (status == 404 && sessionId != null) {
        EntityUtils.consume(entity);
        reportClosed("the server ended the session (HTTP 404)");
        return;
      }
      if (status != 200 || !contentType(entity).startsWith("text/event-stream")) {
        EntityUtils.consume(entity);
        LOG.warn(
            "MCP server '{}' answered the standalone SSE request with HTTP {}", spec.id(), status);
        failed = true;
      } else {
        readEvents(entity.getContent(), state);
      }
    } catch (IOException e) {
      if (closing) {
        return;
      }
      LOG.debug("the standalone SSE stream of MCP server '{}' failed: {}", spec.id(), e.toString());
      failed = true;
    } finally {
      open.remove(get);
    }
    int failures = failed ? failuresInRow + 1 : 0;
    long delay = state.retryMillis >= 0 ? state.retryMillis : DEFAULT_RETRY_MILLIS;
    delay = Math.min(MAX_RETRY_MILLIS, delay << Math.min(failures, 5));
    String resumeFrom = state.lastEventId;
    if (!closing) {
      scheduler.schedule(
          () -> executor.execute(() -> listen(resumeFrom, failures)), delay, TimeUnit.MILLISECONDS);
    }
  }

  private HttpGet streamRequest(@Nullable String lastEventId) {
    HttpGet get = new HttpGet(url);
    get.setHeader("Accept", "text/event-stream");
    addCommonHeaders(get);
    if (lastEventId != null) {
      get.setHeader("Last-Event-ID", lastEventId);
    }
    return get;
  }

  private void readEvents(InputStream content, StreamState state) throws IOException {
    new SseReader(content, spec.maxMessageSize())
        .readAll(
            event -> {
              if (event.id() != null) {
                state.lastEventId = event.id();
              }
              if (event.retryMillis() >= 0) {
                state.retryMillis = event.retryMillis();
              }
              if (!event.event().equals("message") || event.data().isBlank()) {
                return;
              }
              JsonNode message;
              try {
                message = Json.parse(event.data(), "an SSE event");
              } catch (IllegalArgumentException e) {
                LOG.warn(
                    "MCP server '{}' sent an SSE event that is not JSON, skipping it: {}",
                    spec.id(),
                    Json.abbreviate(event.data(), 200));
                return;
              }
              if (state.requestId >= 0 && answers(message, state.requestId)) {
                state.answered = true;
              }
              deliver(message);
            });
  }

  private static boolean answers(JsonNode message, long requestId) {
    JsonNode id = message.get("id");
    return id != null
        && !message.has("method")
        && id.canConvertToLong()
        && id.asLong() == requestId;
  }

  private void deliver(JsonNode message) {
    TransportListener current = listener;
    if (current == null) {
      return;
    }
    try {
      current.onMessage(message);
    } catch (RuntimeException e) {
      LOG.error("handling a message from MCP server '{}' failed", spec.id(), e);
    }
  }

  private void addCommonHeaders(HttpUriRequestBase request) {
    for (Map.Entry<String, String> header : spec.headers().entrySet()) {
      request.setHeader(header.getKey(), header.getValue());
    }
    String session = sessionId;
    if (session != null) {
      request.setHeader(SESSION_HEADER, session);
    }
    String version = protocolVersion;
    if (version != null) {
      request.setHeader(VERSION_HEADER, version);
    }
  }

  private void captureSession(ClassicHttpResponse response) {
    Header header = response.getFirstHeader(SESSION_HEADER);
    if (header != null && sessionId == null) {
      sessionId = header.getValue();
      LOG.debug("MCP server '{}' assigned session id {}", spec.id(), header.getValue());
    }
  }

  private static String contentType(@Nullable HttpEntity entity) {
    String type = entity == null ? null : entity.getContentType();
    return type == null ? "" : type.toLowerCase(Locale.ROOT);
  }

  private void fail(long requestId, String reason) {
    TransportListener current = listener;
    if (requestId < 0 || current == null) {
      LOG.warn("sending to MCP server '{}' failed: {}", spec.id(), reason);
      return;
    }
    current.onSendFailure(requestId, new McpProtocolException(spec.id(), null, reason, null));
  }

  private void failConnection(long requestId, String reason) {
    TransportListener current = listener;
    if (requestId < 0 || current == null) {
      LOG.warn("sending to MCP server '{}' failed: {}", spec.id(), reason);
      return;
    }
    McpException failure =
        new McpConnectionClosedException(spec.id(), null, reason, null, List.of());
    current.onSendFailure(requestId, failure);
  }

  private void reportClosed(String reason) {
    if (!closedReported.compareAndSet(false, true)) {
      return;
    }
    LOG.warn("connection to MCP server '{}' at {} ended: {}", spec.id(), url, reason);
    closing = true;
    abortOpenRequests();
    http.close(CloseMode.IMMEDIATE);
    TransportListener current = listener;
    if (current != null) {
      current.onClosed(new TransportClosed(reason, null, List.of(), false));
    }
  }

  @Override
  public void close(Duration gracePeriod) {
    if (closing) {
      return;
    }
    closing = true;
    abortOpenRequests();
    String session = sessionId;
    if (session != null) {
      HttpDelete delete = new HttpDelete(url);
      addCommonHeaders(delete);
      delete.setConfig(
          RequestConfig.custom()
              .setResponseTimeout(Timeout.ofMilliseconds(Math.min(gracePeriod.toMillis(), 1000)))
              .setConnectionRequestTimeout(Timeout.ofMilliseconds(500))
              .build());
      try (ClassicHttpResponse response = http.executeOpen(null, delete, null)) {
        EntityUtils.consume(response.getEntity());
      } catch (IOException e) {
        LOG.debug("ending the session with MCP server '{}' failed: {}", spec.id(), e.toString());
      }
    }
    http.close(CloseMode.IMMEDIATE);
    if (closedReported.compareAndSet(false, true)) {
      TransportListener current = listener;
      if (current != null) {
        current.onClosed(new TransportClosed("closed by the client", null, List.of(), true));
      }
    }
  }

  private void abortOpenRequests() {
    for (HttpUriRequestBase request : open) {
      request.cancel();
    }
  }

  /** The state of one SSE stream as its reader sees it. */
  private static final class StreamState {
    final long requestId;
    volatile @Nullable String lastEventId;
    volatile long retryMillis = -1;
    volatile boolean answered;

    StreamState(long requestId) {
      this.requestId = requestId;
    }
  }
}
