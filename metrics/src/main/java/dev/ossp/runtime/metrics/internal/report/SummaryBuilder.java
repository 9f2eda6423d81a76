package dev.ossp.runtime.metrics.internal.report;

import dev.ossp.runtime.metrics.ComponentSummary;
import dev.ossp.runtime.metrics.LatencyPercentiles;
import dev.ossp.runtime.metrics.MetricCatalog;
import dev.ossp.runtime.metrics.MetricDefinition;
import dev.ossp.runtime.metrics.MetricsSummary;
import dev.ossp.runtime.metrics.internal.registry.CounterMeter;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import dev.ossp.runtime.metrics.internal.registry.RegisteredMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link MetricsSummary}: for each component, the outcome-tagged operation counter and
 * the latency timer of the catalogue. This class is thread-safe.
 */
public final class SummaryBuilder {
  /** A component's operation counter and latency timer. */
  private record Operation(
      String component, MetricDefinition calls, @Nullable MetricDefinition latency) {}

  private static final List<Operation> OPERATIONS =
      List.of(
          new Operation(
              "discovery", MetricCatalog.DISCOVERY_QUERIES, MetricCatalog.DISCOVERY_QUERY_LATENCY),
          new Operation("a2a", MetricCatalog.A2A_REQUESTS, MetricCatalog.A2A_REQUEST_LATENCY),
          new Operation("mcp", MetricCatalog.MCP_CALLS, MetricCatalog.MCP_CALL_LATENCY),
          new Operation("resilience", MetricCatalog.RESILIENCE_ATTEMPTS, null));

  private final DropwizardMetrics metrics;

  /** Creates a builder that reads {@code metrics}. */
  public SummaryBuilder(DropwizardMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Returns the summary of everything recorded so far. */
  public MetricsSummary summary() {
    Duration interval = metrics.uptime();
    double seconds = interval.toNanos() / 1e9;
    List<ComponentSummary> components = new ArrayList<>();
    for (Operation operation : OPERATIONS) {
      List<RegisteredMeter> counters = metrics.meters(operation.calls().name());
      Optional<LatencyPercentiles> latency =
          operation.latency() == null
              ? Optional.empty()
              : WindowLatency.percentiles(metrics, operation.latency().name());
      if (counters.isEmpty() && latency.isEmpty()) {
        continue;
      }
      long succeeded = 0;
      long failed = 0;
      for (RegisteredMeter meter : counters) {
        long count = ((CounterMeter) meter).count();
        String outcome = meter.id().tags().asMap().get(MetricCatalog.TAG_OUTCOME);
        // A counter without an outcome tag counts only completed operations.
        if (outcome == null || MetricCatalog.OUTCOME_SUCCESS.equals(outcome)) {
          succeeded += count;
        } else {
          failed += count;
        }
      }
      long total = succeeded + failed;
      components.add(
          new ComponentSummary(
              operation.component(),
              total,
              succeeded,
              failed,
              total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) succeeded / total),
              seconds > 0 ? total / seconds : 0,
              latency));
    }
    return new MetricsSummary(metrics.now(), interval, components);
  }
}
