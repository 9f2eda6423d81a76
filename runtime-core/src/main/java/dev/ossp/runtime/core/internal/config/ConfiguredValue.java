package dev.ossp.runtime.core.internal.config;

import dev.ossp.runtime.config.ConfigKey;
import java.util.List;
import java.util.Objects;

/**
 * A validated value: the key it belongs to, the concrete path, the converted value and its source.
 *
 * @param key the declared key, possibly with {@code *} segments
 * @param path the concrete path
 * @param value the converted value, of the key's type
 * @param source the source that set it
 */
public record ConfiguredValue(ConfigKey<?> key, List<String> path, Object value, String source) {
  /** Copies the path and checks that every part is present. */
  public ConfiguredValue {
    Objects.requireNonNull(key, "key");
    path = List.copyOf(Objects.requireNonNull(path, "path"));
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
  }

  /** Returns the value as text, or {@code ****} for a secret. */
  public String printable() {
    return ConfigValidator.printable(key, value);
  }

  @Override
  public String toString() {
    return ConfigPaths.dotted(path) + "=" + printable() + " (from " + source + ")";
  }
}
