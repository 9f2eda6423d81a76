package dev.ossp.runtime.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runtime's validated configuration. Values come from, in increasing precedence: a YAML file,
 * {@code OSSP_*} environment variables, {@code ossp.*} system properties, and overrides given in
 * code. Every configured value has been checked against its {@link ConfigKey} before any component
 * starts, so reads never fail on bad input.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface RuntimeConfig {
  /**
   * Returns the value of {@code key}, or its default.
   *
   * @throws IllegalArgumentException if the key has {@code *} segments, or was not declared
   * @throws java.util.NoSuchElementException if the key is unset and has no default
   */
  <T> T get(ConfigKey<T> key);

  /**
   * Returns the value of a pattern key with each {@code *} replaced by {@code names}, falling back
   * to the key's default.
   *
   * @throws java.util.NoSuchElementException if the key is unset and has no default
   */
  <T> T get(ConfigKey<T> key, String... names);

  /** Returns the value of {@code key} when some source set it; never the default. */
  <T> Optional<T> find(ConfigKey<T> key, String... names);

  /** Returns whether some source set {@code key}. */
  boolean isSet(ConfigKey<?> key, String... names);

  /**
   * Returns the names configured at the {@code *} position after {@code prefix}, for example {@code
   * children("resilience", "circuit-breakers")} returns the configured breaker names.
   */
  Set<String> children(String... prefix);

  /**
   * Returns every configured value as dotted name to printable text, in name order, with secrets
   * masked as {@code ****}; for diagnostics and {@code describe} commands.
   */
  Map<String, String> describe();

  /** Returns the source that set the value at {@code path}, such as {@code file runtime.yaml}. */
  Optional<String> sourceOf(List<String> path);
}
