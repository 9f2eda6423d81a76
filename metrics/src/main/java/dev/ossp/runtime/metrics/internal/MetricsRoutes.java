package dev.ossp.runtime.metrics.internal;

import dev.ossp.runtime.metrics.Diagnostics;
import dev.ossp.runtime.metrics.MetricsExporter;
import dev.ossp.runtime.node.NodeResponse;
import dev.ossp.runtime.node.Route;
import dev.ossp.runtime.node.RouteProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

/**
 * The node routes of the metrics component, all open to anyone who can reach the node: {@code GET
 * /metrics} (Prometheus text format 0.0.4), {@code GET /metrics/summary} and {@code GET
 * /diagnostics} (JSON).
 */
final class MetricsRoutes implements RouteProvider {
  private final MetricsExporter exporter;
  private final Diagnostics diagnostics;

  @Inject
  MetricsRoutes(MetricsExporter exporter, Diagnostics diagnostics) {
    this.exporter = Objects.requireNonNull(exporter, "exporter");
    this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.open(
            "GET",
            "/metrics",
            request ->
                NodeResponse.text(
                    200, MetricsExporter.PROMETHEUS_CONTENT_TYPE, exporter.prometheusText())),
        Route.open(
            "GET",
            "/metrics/summary",
            request -> NodeResponse.json(200, exporter.toJson(exporter.summary()))),
        Route.open(
            "GET",
            "/diagnostics",
            request -> NodeResponse.json(200, diagnostics.toJson(diagnostics.report()))));
  }
}
