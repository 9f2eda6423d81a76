package dev.ossp.runtime.a2a;

import java.util.Iterator;
import java.util.Optional;

/**
 * The events of one A2A stream ({@code message/stream}, {@code SendStreamingMessage}, or a
 * resubscription), read one at a time on the caller's thread.
 *
 * <p>The stream ends after a task reaches a terminal state (completed, canceled, failed, rejected)
 * or after a direct message reply; it pauses, that is ends too, at input-required and
 * auth-required. A stream the agent closes before any of these ends with {@link End#INTERRUPTED}:
 * resubscribe to {@link #taskId()} or fetch the task. Events that arrive after a terminal state are
 * ignored and logged at DEBUG.
 *
 * <p>{@link #hasNext()} blocks until the next event arrives, the stream ends, or the response
 * timeout passes (then it throws an {@link dev.ossp.runtime.error.OsspException} of kind {@code
 * TIMEOUT}). A JSON-RPC error in the stream is thrown as {@link A2aJsonRpcException}. {@link
 * #close()} may be called from any thread: it closes the HTTP exchange, and a blocked {@code
 * hasNext()} then returns false with {@link End#CLOSED}.
 *
 * <p>One thread reads a stream at a time; {@link #close()} and the accessors are thread-safe.
 */
public interface A2aStream extends Iterator<StreamEvent>, AutoCloseable {
  /** How a stream ended. */
  enum End {
    /** Still open. */
    OPEN,
    /** The task reached a terminal state, or the agent replied with a message. */
    TERMINAL,
    /** The task waits for input or authentication. */
    PAUSED,
    /** The agent closed the stream before a terminal or interrupted state. */
    INTERRUPTED,
    /** The consumer closed the stream. */
    CLOSED,
    /** The stream failed with an error, which {@code hasNext()} threw. */
    FAILED
  }

  /** How the stream ended so far; {@link End#OPEN} while it runs. */
  End end();

  /** The id of the task the stream follows, once an event named it. */
  Optional<String> taskId();

  /** The last task state seen. */
  Optional<TaskState> lastState();

  /** Closes the HTTP exchange; idempotent. */
  @Override
  void close();
}
