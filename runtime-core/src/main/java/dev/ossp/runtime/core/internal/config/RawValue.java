package dev.ossp.runtime.core.internal.config;

import java.util.List;
import java.util.Objects;

/**
 * One configured value before conversion: where it sits, what a source wrote, and which source.
 *
 * @param path the segments of the key; a YAML map key containing dots stays one segment
 * @param value a string, number, boolean or list as the source produced it
 * @param source the source for messages, such as {@code file runtime.yaml} or {@code environment
 *     OSSP_NODE_PORT}
 */
public record RawValue(List<String> path, Object value, String source) {
  /** Copies the path and checks that every part is present. */
  public RawValue {
    path = List.copyOf(Objects.requireNonNull(path, "path"));
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
  }

  /** The path joined with dots, as messages show it. */
  public String dottedName() {
    return ConfigPaths.dotted(path);
  }

  @Override
  public String toString() {
    // The value is left out because it may be a secret.
    return dottedName() + " (from " + source + ")";
  }
}
