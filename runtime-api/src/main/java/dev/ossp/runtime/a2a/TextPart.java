package dev.ossp.runtime.a2a;

import java.util.Map;
import java.util.Objects;

/**
 * A text part.
 *
 * @param text the text
 * @param metadata extra facts, as JSON-like values
 */
public record TextPart(String text, Map<String, Object> metadata) implements Part {
  /** Copies the metadata. */
  public TextPart {
    Objects.requireNonNull(text, "text");
    metadata = JsonValues.copyObject(metadata, "metadata");
  }

  /** Returns a text part without metadata. */
  public static TextPart of(String text) {
    return new TextPart(text, Map.of());
  }
}
