package dev.ossp.runtime.metrics;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Totals of one component's operations (discovery queries, A2A requests, MCP tool calls, retry
 * attempts) since the metrics started.
 *
 * @param component the component, such as {@code discovery}
 * @param total operations recorded
 * @param succeeded operations tagged {@value MetricCatalog#TAG_OUTCOME}={@value
 *     MetricCatalog#OUTCOME_SUCCESS}, plus those of counters without an outcome tag
 * @param failed operations tagged with any other outcome
 * @param successRate succeeded divided by total; empty when nothing was recorded
 * @param throughputPerSecond total divided by the summary's interval
 * @param latency percentiles over the reservoir window; empty when no duration was recorded in the
 *     window
 */
public record ComponentSummary(
    String component,
    long total,
    long succeeded,
    long failed,
    OptionalDouble successRate,
    double throughputPerSecond,
    Optional<LatencyPercentiles> latency) {
  /** Checks the counts. */
  public ComponentSummary {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(successRate, "successRate");
    Objects.requireNonNull(latency, "latency");
    if (succeeded < 0 || failed < 0 || total != succeeded + failed) {
      throw new IllegalArgumentException(
          "total must be succeeded + failed, both >= 0; was "
              + total
              + " = "
              + succeeded
              + " + "
              + failed);
    }
  }
}
