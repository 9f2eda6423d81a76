package dev.ossp.runtime.a2a;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The status of a task.
 *
 * @param state the state
 * @param message the agent's message about the state, or null
 * @param timestamp when the state was entered, or null when the agent does not say
 */
public record TaskStatus(TaskState state, @Nullable Message message, @Nullable Instant timestamp) {
  /** Checks the state. */
  public TaskStatus {
    Objects.requireNonNull(state, "state");
  }

  /** Returns a status without message and time. */
  public static TaskStatus of(TaskState state) {
    return new TaskStatus(state, null, null);
  }

  /** The agent's message about the state. */
  public Optional<Message> statusMessage() {
    return Optional.ofNullable(message);
  }
}
