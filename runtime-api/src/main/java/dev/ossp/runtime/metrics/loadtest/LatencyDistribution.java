package dev.ossp.runtime.metrics.loadtest;

import java.time.Duration;
import java.util.Objects;

/**
 * Latency percentiles of a load-test scenario, read from an HdrHistogram with three significant
 * digits, so each value is within 0.1% of the recorded one.
 *
 * @param count recorded latencies, including those added by coordinated-omission correction
 * @param min the fastest
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the slowest
 * @param mean the arithmetic mean
 */
public record LatencyDistribution(
    long count,
    Duration min,
    Duration p50,
    Duration p90,
    Duration p95,
    Duration p99,
    Duration p999,
    Duration max,
    Duration mean) {
  /** Checks that every value is present. */
  public LatencyDistribution {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(p50, "p50");
    Objects.requireNonNull(p90, "p90");
    Objects.requireNonNull(p95, "p95");
    Objects.requireNonNull(p99, "p99");
    Objects.requireNonNull(p999, "p999");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(mean, "mean");
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
  }
}
