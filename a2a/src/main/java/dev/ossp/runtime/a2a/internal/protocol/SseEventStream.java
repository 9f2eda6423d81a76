package dev.ossp.runtime.a2a.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.a2a.A2aJsonRpcException;
import dev.ossp.runtime.a2a.A2aStream;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.StreamEvent;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.TaskArtifactUpdateEvent;
import dev.ossp.runtime.a2a.TaskState;
import dev.ossp.runtime.a2a.TaskStatusUpdateEvent;
import dev.ossp.runtime.a2a.internal.http.OpenExchange;
import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link A2aStream} over a server-sent events response: each event's {@code data} is one
 * JSON-RPC response whose result the dialect turns into a typed event. See {@link A2aStream} for
 * when the stream ends.
 */
public final class SseEventStream implements A2aStream {
  private static final Logger LOG = LoggerFactory.getLogger(SseEventStream.class);

  private final OpenExchange exchange;
  private final Dialect dialect;
  private final ErrorContext context;
  private final @Nullable Reader reader;
  private final SseParser parser = new SseParser();
  private final Deque<StreamEvent> ready = new ArrayDeque<>();
  private final List<SseParser.Event> parsed = new ArrayList<>();
  private final char[] buffer = new char[8192];
  private volatile End end = End.OPEN;
  private volatile @Nullable String taskId;
  private volatile @Nullable TaskState lastState;
  private boolean finished;

  /** Creates the stream over an exchange whose body is {@code text/event-stream}. */
  public SseEventStream(OpenExchange exchange, Dialect dialect, ErrorContext context)
      throws IOException {
    this.exchange = exchange;
    this.dialect = dialect;
    this.context = context;
    InputStream in = exchange.stream();
    this.reader = in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty()) {
      if (finished || end != End.OPEN) {
        return false;
      }
      readMore();
    }
    return true;
  }

  @Override
  public StreamEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the stream has ended: " + end);
    }
    return ready.removeFirst();
  }

  private void readMore() {
    if (reader == null) {
      endWith(End.INTERRUPTED, true);
      return;
    }
    int read;
    try {
      read = reader.read(buffer);
    } catch (IOException e) {
      if (end == End.CLOSED) {
        finished = true;
        return;
      }
      endWith(End.FAILED, false);
      if (e instanceof SocketTimeoutException) {
        throw new OsspException(
            ErrorKind.TIMEOUT,
            "no stream event from "
                + context.target().orElse("the agent")
                + " within the response timeout",
            e,
            context,
            false);
      }
      throw new OsspException(
          ErrorKind.NETWORK,
          "the stream from "
              + context.target().orElse("the agent")
              + " broke: "
              + e.getClass().getSimpleName(),
          e,
          context,
          false);
    }
    if (read < 0) {
      if (parser.hasPartialEvent()) {
        LOG.debug(
            "stream from {} ended inside an event; the partial event is dropped",
            context.target().orElse("?"));
      }
      exchange.markConsumed();
      endWith(End.INTERRUPTED, true);
      return;
    }
    parsed.clear();
    parser.feed(buffer, 0, read, parsed);
    for (SseParser.Event event : parsed) {
      if (finished) {
        LOG.debug(
            "ignoring an event after the stream's terminal state: {}", abbreviate(event.data()));
        continue;
      }
      accept(event);
    }
    if (finished) {
      exchange.close();
    }
  }

  private void accept(SseParser.Event event) {
    JsonNode response;
    try {
      response = Json.parse(event.data());
    } catch (IOException e) {
      endWith(End.FAILED, true);
      throw JsonRpc.protocol("a stream event is not JSON: " + abbreviate(event.data()), context);
    }
    StreamEvent typed;
    try {
      JsonNode result = JsonRpc.result(response, context);
      typed = dialect.event(result);
    } catch (A2aJsonRpcException | WireFormatException e) {
      endWith(End.FAILED, true);
      if (e instanceof WireFormatException wire) {
        throw JsonRpc.protocol("invalid stream event: " + wire.getMessage(), context);
      }
      throw e;
    }
    ready.addLast(typed);
    TaskState state = stateOf(typed);
    if (typed instanceof Message) {
      end = End.TERMINAL;
      finished = true;
    } else if (state != null && state.terminal()) {
      end = End.TERMINAL;
      finished = true;
    } else if (state != null && state.interrupted()) {
      end = End.PAUSED;
      finished = true;
    } else if (typed instanceof TaskStatusUpdateEvent update && update.finalEvent()) {
      end = End.PAUSED;
      finished = true;
    }
  }

  private @Nullable TaskState stateOf(StreamEvent event) {
    if (event instanceof Task task) {
      taskId = task.id();
      lastState = task.state();
      return task.state();
    }
    if (event instanceof TaskStatusUpdateEvent update) {
      taskId = update.taskId();
      lastState = update.status().state();
      return update.status().state();
    }
    if (event instanceof TaskArtifactUpdateEvent artifact) {
      taskId = artifact.taskId();
    }
    return null;
  }

  private void endWith(End how, boolean close) {
    if (end == End.OPEN) {
      end = how;
    }
    finished = true;
    if (close) {
      exchange.close();
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  @Override
  public End end() {
    return end;
  }

  @Override
  public Optional<String> taskId() {
    return Optional.ofNullable(taskId);
  }

  @Override
  public Optional<TaskState> lastState() {
    return Optional.ofNullable(lastState);
  }

  @Override
  public void close() {
    if (end == End.OPEN) {
      end = End.CLOSED;
    }
    exchange.close();
  }
}
