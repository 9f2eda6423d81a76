package dev.ossp.runtime.component;

import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.metrics.Metrics;
import java.nio.file.Path;
import java.util.Optional;

/** What a component receives at start: configuration, injected services and shared services. */
public interface ComponentContext {
  /** The validated configuration. */
  RuntimeConfig config();

  /**
   * Returns the instance bound to {@code type}.
   *
   * @throws IllegalStateException if no component binds it
   */
  <T> T instance(Class<T> type);

  /** Returns the instance bound to {@code type}, or empty when no component binds it. */
  <T> Optional<T> find(Class<T> type);

  /** The metrics facade; a no-op one when no metrics component is installed. */
  Metrics metrics();

  /** The directory for this runtime's data, created if missing ({@code runtime.data-dir}). */
  Path dataDirectory();
}
