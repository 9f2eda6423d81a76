package dev.ossp.runtime.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * Latency percentiles over the samples in the metrics reservoir's time window.
 *
 * @param p50 the median
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 * @param samples how many recorded durations the percentiles cover
 */
public record LatencyPercentiles(Duration p50, Duration p95, Duration p99, long samples) {
  /** Checks the values. */
  public LatencyPercentiles {
    Objects.requireNonNull(p50, "p50");
    Objects.requireNonNull(p95, "p95");
    Objects.requireNonNull(p99, "p99");
    if (samples <= 0) {
      throw new IllegalArgumentException("samples must be > 0, was " + samples);
    }
  }
}
