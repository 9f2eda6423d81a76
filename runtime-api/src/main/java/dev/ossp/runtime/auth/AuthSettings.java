package dev.ossp.runtime.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A target's auth configuration, such as the token, the environment variable that holds it, or the
 * header name. {@link #toString()} prints the keys only, never the values.
 *
 * @param target the agent URN or URL the settings belong to
 * @param values the provider's settings
 */
public record AuthSettings(String target, Map<String, String> values) {
  /** Copies the values. */
  public AuthSettings {
    Objects.requireNonNull(target, "target");
    values = Map.copyOf(Objects.requireNonNull(values, "values"));
  }

  /** Returns the setting named {@code name}. */
  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  @Override
  public String toString() {
    return "AuthSettings[target="
        + target
        + ", keys="
        + new java.util.TreeSet<>(values.keySet())
        + "]";
  }
}
