package dev.ossp.runtime.metrics;

import dev.ossp.runtime.component.ComponentHealth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One component's part of the diagnostics report.
 *
 * @param name the component's name
 * @param health its health when the report was made
 * @param stats its statistics, in insertion order
 */
public record ComponentDiagnostics(String name, ComponentHealth health, Map<String, Object> stats) {
  /** Copies the statistics. */
  public ComponentDiagnostics {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(stats, "stats");
    stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
  }
}
