package dev.ossp.runtime.a2a;

import java.util.Map;

/**
 * One piece of a message or artifact: text, a file (inline bytes or a URI) or structured data. On
 * the wire, v0.3 tags parts with {@code kind}; v1.0 uses one field per type.
 */
public sealed interface Part permits TextPart, FilePart, DataPart {
  /** Extra facts about the part, as JSON-like values. */
  Map<String, Object> metadata();
}
