package dev.ossp.runtime.metrics.internal.report;

import dev.ossp.runtime.metrics.LatencyPercentiles;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import dev.ossp.runtime.metrics.internal.registry.RegisteredMeter;
import dev.ossp.runtime.metrics.internal.registry.SlidingWindowReservoir;
import dev.ossp.runtime.metrics.internal.registry.TimerMeter;
import java.time.Duration;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Merges the windows of every timer recorded under one name (all tag sets), so that percentiles
 * cover a component's calls to every target. Merging histograms is exact up to their 1% bin
 * precision, unlike averaging per-target percentiles.
 */
public final class WindowLatency {
  private WindowLatency() {}

  /** Returns the merged window of the timers called {@code name}; empty when it has no samples. */
  public static Optional<Histogram> merged(DropwizardMetrics metrics, String name) {
    Histogram merged = new Histogram(SlidingWindowReservoir.SIGNIFICANT_DIGITS);
    for (RegisteredMeter meter : metrics.meters(name)) {
      if (meter instanceof TimerMeter timer) {
        merged.add(timer.snapshot().histogram());
      }
    }
    return merged.getTotalCount() == 0 ? Optional.empty() : Optional.of(merged);
  }

  /** Returns p50, p95 and p99 of the timers called {@code name}; empty when it has no samples. */
  public static Optional<LatencyPercentiles> percentiles(DropwizardMetrics metrics, String name) {
    return merged(metrics, name)
        .map(
            histogram ->
                new LatencyPercentiles(
                    Duration.ofNanos(histogram.getValueAtPercentile(50)),
                    Duration.ofNanos(histogram.getValueAtPercentile(95)),
                    Duration.ofNanos(histogram.getValueAtPercentile(99)),
                    histogram.getTotalCount()));
  }
}
