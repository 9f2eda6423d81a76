package dev.ossp.runtime.a2a;

import java.util.Map;
import java.util.Objects;

/**
 * A task produced an artifact or a chunk of one.
 *
 * @param taskId the task
 * @param contextId the task's conversation
 * @param artifact the artifact or chunk
 * @param append whether the parts extend an artifact sent before under the same id
 * @param lastChunk whether this is the artifact's last chunk
 * @param metadata extra facts, as JSON-like values
 */
public record TaskArtifactUpdateEvent(
    String taskId,
    String contextId,
    Artifact artifact,
    boolean append,
    boolean lastChunk,
    Map<String, Object> metadata)
    implements StreamEvent {
  /** Checks the parts. */
  public TaskArtifactUpdateEvent {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(contextId, "contextId");
    Objects.requireNonNull(artifact, "artifact");
    metadata = JsonValues.copyObject(metadata, "metadata");
  }
}
