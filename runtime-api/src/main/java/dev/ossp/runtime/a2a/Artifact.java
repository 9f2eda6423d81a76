package dev.ossp.runtime.a2a;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An output of a task.
 *
 * @param artifactId the agent's id of the artifact
 * @param name a display name, or null
 * @param description what the artifact is, or null
 * @param parts the content
 * @param metadata extra facts, as JSON-like values
 */
public record Artifact(
    String artifactId,
    @Nullable String name,
    @Nullable String description,
    List<Part> parts,
    Map<String, Object> metadata) {
  /** Copies the parts and metadata. */
  public Artifact {
    Objects.requireNonNull(artifactId, "artifactId");
    parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
    metadata = JsonValues.copyObject(metadata, "metadata");
  }

  /** Returns the text of every text part, joined by line breaks. */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof TextPart textPart) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(textPart.text());
      }
    }
    return text.toString();
  }
}
