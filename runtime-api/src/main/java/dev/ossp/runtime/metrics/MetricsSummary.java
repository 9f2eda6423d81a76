package dev.ossp.runtime.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Per-component totals, success rates, throughput and latency percentiles, served as JSON at {@code
 * GET /metrics/summary}.
 *
 * @param generatedAt when the summary was made
 * @param interval time from the start of the metrics to {@code generatedAt}, the denominator of
 *     every throughput
 * @param components one entry per component in the catalogue with recorded operations
 */
public record MetricsSummary(
    Instant generatedAt, Duration interval, List<ComponentSummary> components) {
  /** Copies the list. */
  public MetricsSummary {
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(interval, "interval");
    components = List.copyOf(components);
  }
}
