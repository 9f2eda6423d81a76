package dev.ossp.runtime.metrics.loadtest;

import java.time.Duration;
import java.util.Objects;

/**
 * A scenario's result held against its row of the performance target table. Memory is not judged,
 * because a load test cannot attribute heap use to one component; the JMH benchmarks measure
 * allocation instead.
 *
 * @param target the target row
 * @param observedP95 the scenario's 95th-percentile latency
 * @param latencyMet whether {@code observedP95} is below the target latency
 * @param observedThroughput the scenario's throughput in requests per second
 * @param throughputMet whether {@code observedThroughput} reached the target throughput
 */
public record TargetComparison(
    PerformanceTarget target,
    Duration observedP95,
    boolean latencyMet,
    double observedThroughput,
    boolean throughputMet) {
  /** Checks that every part is present. */
  public TargetComparison {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(observedP95, "observedP95");
  }

  /** Returns whether both latency and throughput met the target. */
  public boolean met() {
    return latencyMet && throughputMet;
  }
}
