package dev.ossp.runtime.a2a;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A unit of work an agent runs for a client.
 *
 * @param id the agent's task id
 * @param contextId the conversation the task belongs to
 * @param status the current status
 * @param artifacts the outputs so far
 * @param history the messages of the task so far, as far as the agent returns them
 * @param metadata extra facts, as JSON-like values
 */
public record Task(
    String id,
    String contextId,
    TaskStatus status,
    List<Artifact> artifacts,
    List<Message> history,
    Map<String, Object> metadata)
    implements SendResult, StreamEvent {
  /** Copies the lists. */
  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(contextId, "contextId");
    Objects.requireNonNull(status, "status");
    artifacts = List.copyOf(Objects.requireNonNull(artifacts, "artifacts"));
    history = List.copyOf(Objects.requireNonNull(history, "history"));
    metadata = JsonValues.copyObject(metadata, "metadata");
  }

  /** The current state. */
  public TaskState state() {
    return status.state();
  }
}
