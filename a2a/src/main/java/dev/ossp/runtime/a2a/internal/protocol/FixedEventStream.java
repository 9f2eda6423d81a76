package dev.ossp.runtime.a2a.internal.protocol;

import dev.ossp.runtime.a2a.A2aStream;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.StreamEvent;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.TaskState;
import dev.ossp.runtime.a2a.TaskStatusUpdateEvent;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stream of one event, for an agent that answered a streaming call with a plain JSON-RPC result
 * instead of server-sent events. Its end follows the event's state like a real stream.
 */
final class FixedEventStream implements A2aStream {
  private final StreamEvent event;
  private final End finalEnd;
  private final @Nullable String taskId;
  private final @Nullable TaskState state;
  private volatile boolean delivered;
  private volatile boolean closed;

  FixedEventStream(StreamEvent event) {
    this.event = event;
    TaskState seen = null;
    String id = null;
    if (event instanceof Task task) {
      seen = task.state();
      id = task.id();
    } else if (event instanceof TaskStatusUpdateEvent update) {
      seen = update.status().state();
      id = update.taskId();
    }
    this.state = seen;
    this.taskId = id;
    if (event instanceof Message || (seen != null && seen.terminal())) {
      finalEnd = End.TERMINAL;
    } else if (seen != null && seen.interrupted()) {
      finalEnd = End.PAUSED;
    } else {
      finalEnd = End.INTERRUPTED;
    }
  }

  @Override
  public boolean hasNext() {
    return !delivered && !closed;
  }

  @Override
  public StreamEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the stream has ended: " + end());
    }
    delivered = true;
    return event;
  }

  @Override
  public End end() {
    if (closed && !delivered) {
      return End.CLOSED;
    }
    return delivered ? finalEnd : End.OPEN;
  }

  @Override
  public Optional<String> taskId() {
    return Optional.ofNullable(taskId);
  }

  @Override
  public Optional<TaskState> lastState() {
    return Optional.ofNullable(state);
  }

  @Override
  public void close() {
    closed = true;
  }
}
