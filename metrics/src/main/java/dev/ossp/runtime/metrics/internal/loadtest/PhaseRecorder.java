package dev.ossp.runtime.metrics.internal.loadtest;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.metrics.loadtest.LatencyDistribution;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * Collects the outcomes of one phase from many workers: counts per outcome, the last completion
 * time, and two latency recorders, one with coordinated-omission correction and one without.
 * Recording is wait-free. Thread-safe.
 */
final class PhaseRecorder {
  /** Latencies keep three significant digits: each reported value is within 0.1%. */
  static final int SIGNIFICANT_DIGITS = 3;

  private final Recorder corrected = new Recorder(SIGNIFICANT_DIGITS);
  private final Recorder serviceTime = new Recorder(SIGNIFICANT_DIGITS);
  private final LongAdder successes = new LongAdder();
  private final Map<ErrorKind, LongAdder> failures = new EnumMap<>(ErrorKind.class);
  private final LongAdder interrupted = new LongAdder();
  private final AtomicLong lastCompletion = new AtomicLong(Long.MIN_VALUE);

  PhaseRecorder() {
    for (ErrorKind kind : ErrorKind.values()) {
      failures.put(kind, new LongAdder());
    }
  }

  /**
   * Records one completed request.
   *
   * @param expectedIntervalNanos the schedule interval of the worker in an open-loop run, or 0 for
   *     a closed loop, where no correction applies
   * @param failureKind the kind of failure, or null for a success
   */
  void record(
      long latencyNanos,
      long completedAt,
      long expectedIntervalNanos,
      @Nullable ErrorKind failureKind) {
    long latency = Math.max(0, latencyNanos);
    serviceTime.recordValue(latency);
    if (expectedIntervalNanos > 0) {
      corrected.recordValueWithExpectedInterval(latency, expectedIntervalNanos);
    } else {
      corrected.recordValue(latency);
    }
    if (failureKind == null) {
      successes.increment();
    } else {
      failures.get(failureKind).increment();
    }
    lastCompletion.accumulateAndGet(completedAt, Math::max);
  }

  /** Records a success; see {@link #record}. */
  void success(long latencyNanos, long completedAt, long expectedIntervalNanos) {
    record(latencyNanos, completedAt, expectedIntervalNanos, null);
  }

  /** Counts a request that was interrupted at the end of the drain timeout. */
  void interrupted() {
    interrupted.increment();
  }

  long successes() {
    return successes.sum();
  }

  long failures() {
    long total = 0;
    for (LongAdder count : failures.values()) {
      total += count.sum();
    }
    return total;
  }

  Map<ErrorKind, Long> failuresByKind() {
    Map<ErrorKind, Long> counts = new EnumMap<>(ErrorKind.class);
    for (Map.Entry<ErrorKind, LongAdder> entry : failures.entrySet()) {
      long count = entry.getValue().sum();
      if (count > 0) {
        counts.put(entry.getKey(), count);
      }
    }
    return counts;
  }

  long interruptedCount() {
    return interrupted.sum();
  }

  /** Returns the latest completion time in nanos, or {@code fallback} when none completed. */
  long lastCompletion(long fallback) {
    long last = lastCompletion.get();
    return last == Long.MIN_VALUE ? fallback : last;
  }

  Histogram correctedHistogram() {
    return corrected.getIntervalHistogram();
  }

  Histogram serviceTimeHistogram() {
    return serviceTime.getIntervalHistogram();
  }

  /** Returns the distribution of {@code histogram}; all zero when it is empty. */
  static LatencyDistribution distribution(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return new LatencyDistribution(
          0,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO);
    }
    return new LatencyDistribution(
        histogram.getTotalCount(),
        Duration.ofNanos(histogram.getMinValue()),
        Duration.ofNanos(histogram.getValueAtPercentile(50)),
        Duration.ofNanos(histogram.getValueAtPercentile(90)),
        Duration.ofNanos(histogram.getValueAtPercentile(95)),
        Duration.ofNanos(histogram.getValueAtPercentile(99)),
        Duration.ofNanos(histogram.getValueAtPercentile(99.9)),
        Duration.ofNanos(histogram.getMaxValue()),
        Duration.ofNanos((long) histogram.getMean()));
  }
}
