package dev.ossp.runtime.metrics.internal.registry;

import com.codahale.metrics.Counter;
import dev.ossp.runtime.metrics.Metrics;
import java.util.Objects;

/** A facade counter backed by a Dropwizard {@link Counter}. Thread-safe. */
public final class CounterMeter implements RegisteredMeter, Metrics.Counter {
  private final MeterId id;
  private final MetricFamily family;
  private final Counter counter = new Counter();

  CounterMeter(MeterId id, MetricFamily family) {
    this.id = Objects.requireNonNull(id, "id");
    this.family = Objects.requireNonNull(family, "family");
  }

  @Override
  public void increment() {
    counter.inc();
  }

  /**
   * Adds {@code amount}.
   *
   * @throws IllegalArgumentException if the amount is negative, because a counter only grows
   */
  @Override
  public void increment(long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException(
          "counter " + id.dropwizardName() + " cannot be incremented by " + amount + " (< 0)");
    }
    counter.inc(amount);
  }

  /** Returns the count. */
  public long count() {
    return counter.getCount();
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
  public Counter dropwizardMetric() {
    return counter;
  }
}
