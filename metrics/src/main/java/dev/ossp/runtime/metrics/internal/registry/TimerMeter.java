package dev.ossp.runtime.metrics.internal.registry;

import com.codahale.metrics.Clock;
import com.codahale.metrics.Timer;
import dev.ossp.runtime.metrics.Metrics;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A facade timer backed by a Dropwizard {@link Timer} over a {@link SlidingWindowReservoir}, plus
 * the running total of recorded time that the Prometheus summary exports as {@code _sum}. Negative
 * durations are ignored, as Dropwizard does. Thread-safe.
 */
public final class TimerMeter implements RegisteredMeter, Metrics.Timer {
  private final MeterId id;
  private final MetricFamily family;
  private final SlidingWindowReservoir reservoir;
  private final Timer timer;
  private final LongAdder totalNanos = new LongAdder();

  TimerMeter(MeterId id, MetricFamily family, SlidingWindowReservoir reservoir, Clock clock) {
    this.id = Objects.requireNonNull(id, "id");
    this.family = Objects.requireNonNull(family, "family");
    this.reservoir = Objects.requireNonNull(reservoir, "reservoir");
    this.timer = new Timer(reservoir, clock);
  }

  @Override
  public void recordNanos(long nanos) {
    if (nanos < 0) {
      return;
    }
    timer.update(nanos, TimeUnit.NANOSECONDS);
    totalNanos.add(nanos);
  }

  /** Returns the number of durations recorded since creation. */
  public long count() {
    return timer.getCount();
  }

  /** Returns the sum of every duration recorded since creation, in nanoseconds. */
  public long totalNanos() {
    return totalNanos.sum();
  }

  /** Returns the durations in the reservoir's window, in nanoseconds. */
  public WindowSnapshot snapshot() {
    return new WindowSnapshot(reservoir.windowHistogram());
  }

  @Override
  public MeterId id() {
    return id;
  }

  @Override
  public MetricFamily family() {
    return family;
  }

  @Override
  public Timer dropwizardMetric() {
    return timer;
  }
}
