package dev.ossp.runtime.metrics.internal.registry;

import com.codahale.metrics.Histogram;
import dev.ossp.runtime.metrics.Metrics;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * A facade histogram backed by a Dropwizard {@link Histogram} over a {@link
 * SlidingWindowReservoir}, plus the running total that the Prometheus summary exports as {@code
 * _sum}. Negative values are recorded as 0 in the window and in the total. Thread-safe.
 */
public final class HistogramMeter implements RegisteredMeter, Metrics.Histogram {
  private final MeterId id;
  private final MetricFamily family;
  private final SlidingWindowReservoir reservoir;
  private final Histogram histogram;
  private final LongAdder total = new LongAdder();

  HistogramMeter(MeterId id, MetricFamily family, SlidingWindowReservoir reservoir) {
    this.id = Objects.requireNonNull(id, "id");
    this.family = Objects.requireNonNull(family, "family");
    this.reservoir = Objects.requireNonNull(reservoir, "reservoir");
    this.histogram = new Histogram(reservoir);
  }

  @Override
  public void update(long value) {
    histogram.update(value);
    total.add(Math.max(0, value));
  }

  /** Returns the number of values recorded since creation. */
  public long count() {
    return histogram.getCount();
  }

  /** Returns the sum of every value recorded since creation. */
  public long total() {
    return total.sum();
  }

  /** Returns the values in the reservoir's window. */
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
  public Histogram dropwizardMetric() {
    return histogram;
  }
}
