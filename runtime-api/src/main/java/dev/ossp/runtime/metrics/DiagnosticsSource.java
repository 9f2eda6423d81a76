package dev.ossp.runtime.metrics;

import dev.ossp.runtime.component.ComponentHealth;
import java.util.Map;

/**
 * Contributes one component's health and statistics to the diagnostics report. A component adds its
 * source with {@code binder.addToSet(DiagnosticsSource.class, MySource.class)}; the metrics module
 * reads every source on each report.
 *
 * <p>Implementations must be thread-safe and cheap: a report calls every source once.
 */
public interface DiagnosticsSource {
  /** The component's name, such as {@code discovery}. */
  String name();

  /** The component's current health. */
  ComponentHealth health();

  /**
   * Statistics that explain the health, such as counts, sizes or states. Values should be strings,
   * numbers, booleans or nested maps and lists of those, because the report renders them as JSON.
   */
  default Map<String, Object> stats() {
    return Map.of();
  }
}
