package dev.ossp.runtime.cli;

import dev.ossp.runtime.cache.CacheStats;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.metrics.ComponentSummary;
import dev.ossp.runtime.metrics.Diagnostics;
import dev.ossp.runtime.metrics.LatencyPercentiles;
import dev.ossp.runtime.metrics.MetricsExporter;
import dev.ossp.runtime.metrics.MetricsSummary;
import dev.ossp.runtime.metrics.Recommendation;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Step 6 of the quickstart: the metrics summary, cache and breaker states, and diagnostics. */
final class QuickstartSummary {
  private QuickstartSummary() {}

  /** Prints what the metrics, discovery and resilience modules of {@code runtime} report. */
  static void print(QuickstartReport report, OsspRuntime runtime) {
    Optional<MetricsExporter> exporter = runtime.find(MetricsExporter.class);
    if (exporter.isEmpty()) {
      report.line("metrics: the metrics module is not installed, so there is no summary");
    } else {
      MetricsSummary summary = exporter.get().summary();
      List<List<String>> rows = new ArrayList<>();
      for (ComponentSummary component : summary.components()) {
        Optional<LatencyPercentiles> latency = component.latency();
        rows.add(
            List.of(
                component.component(),
                String.valueOf(component.total()),
                String.valueOf(component.failed()),
                latency.map(value -> millis(value.p50())).orElse("-"),
                latency.map(value -> millis(value.p95())).orElse("-"),
                latency.map(value -> millis(value.p99())).orElse("-")));
      }
      report.line("requests and latency since the node started:");
      if (rows.isEmpty()) {
        report.line("  no operation recorded");
      } else {
        report.table(List.of("COMPONENT", "REQUESTS", "FAILED", "P50", "P95", "P99"), rows);
      }
    }

    runtime
        .find(AgentRegistry.class)
        .ifPresent(
            registry -> {
              CacheStats cache = registry.stats().cache();
              double hitRate = cache.hitRate();
              report.line(
                  "discovery query cache: "
                      + cache.hits()
                      + " hits, "
                      + cache.misses()
                      + " misses"
                      + (Double.isNaN(hitRate)
                          ? ""
                          : String.format(Locale.ROOT, ", hit rate %.0f%%", hitRate * 100)));
            });

    runtime
        .find(CircuitBreakerRegistry.class)
        .ifPresent(
            breakers -> {
              List<String> states = new ArrayList<>();
              for (CircuitBreaker breaker : breakers.all()) {
                states.add(breaker.name() + "=" + breaker.state());
              }
              report.line(
                  "circuit breakers: "
                      + (states.isEmpty()
                          ? "none created yet (no outbound call failed or ran)"
                          : String.join(", ", states)));
            });

    Optional<Diagnostics> diagnostics = runtime.find(Diagnostics.class);
    if (diagnostics.isPresent()) {
      List<Recommendation> recommendations = diagnostics.get().report().recommendations();
      if (recommendations.isEmpty()) {
        report.line("diagnostics: no recommendation, every rule is within its threshold");
      } else {
        for (Recommendation recommendation : recommendations) {
          report.line(
              "diagnostics: "
                  + recommendation.severity().name().toLowerCase(Locale.ROOT)
                  + " ["
                  + recommendation.rule()
                  + "] "
                  + recommendation.message()
                  + "; fix: "
                  + recommendation.action());
        }
      }
    }
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.2f ms", duration.toNanos() / 1e6);
  }
}
