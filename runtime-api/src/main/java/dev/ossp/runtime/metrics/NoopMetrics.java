package dev.ossp.runtime.metrics;

import java.util.Objects;
import java.util.function.DoubleSupplier;

/** The facade that records nothing. */
final class NoopMetrics implements Metrics {
  static final NoopMetrics INSTANCE = new NoopMetrics();

  private static final Counter COUNTER =
      new Counter() {
        @Override
        public void increment() {}

        @Override
        public void increment(long amount) {}
      };
  private static final Timer TIMER = nanos -> {};
  private static final Histogram HISTOGRAM = value -> {};

  private NoopMetrics() {}

  @Override
  public Counter counter(String name, Tags tags) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tags, "tags");
    return COUNTER;
  }

  @Override
  public Timer timer(String name, Tags tags) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tags, "tags");
    return TIMER;
  }

  @Override
  public Histogram histogram(String name, Tags tags) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tags, "tags");
    return HISTOGRAM;
  }

  @Override
  public void gauge(String name, Tags tags, DoubleSupplier value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "Metrics.noop()";
  }
}
