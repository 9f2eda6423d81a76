package dev.ossp.runtime.a2a;

import java.util.Map;
import java.util.Objects;

/**
 * A task changed state.
 *
 * @param taskId the task
 * @param contextId the task's conversation
 * @param status the new status
 * @param finalEvent whether the agent marked this the last event (v0.3 {@code final}); v1.0 has no
 *     such flag, so the client sets it for terminal and interrupted states
 * @param metadata extra facts, as JSON-like values
 */
public record TaskStatusUpdateEvent(
    String taskId,
    String contextId,
    TaskStatus status,
    boolean finalEvent,
    Map<String, Object> metadata)
    implements StreamEvent {
  /** Checks the parts. */
  public TaskStatusUpdateEvent {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(contextId, "contextId");
    Objects.requireNonNull(status, "status");
    metadata = JsonValues.copyObject(metadata, "metadata");
  }
}
