package dev.ossp.runtime.metrics.internal;

import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The metrics component's own entry in the diagnostics report: meter counts and the window. */
final class MetricsDiagnosticsSource implements DiagnosticsSource {
  private final DropwizardMetrics metrics;

  @Inject
  MetricsDiagnosticsSource(DropwizardMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public String name() {
    return MetricsComponent.NAME;
  }

  @Override
  public ComponentHealth health() {
    return ComponentHealth.up();
  }

  @Override
  public Map<String, Object> stats() {
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("meters", metrics.meters().size());
    stats.put("reservoirWindowSeconds", metrics.window().toSeconds());
    stats.put("startedAt", metrics.startedAt().toString());
    return stats;
  }
}
