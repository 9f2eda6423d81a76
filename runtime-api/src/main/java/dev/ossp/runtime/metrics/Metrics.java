package dev.ossp.runtime.metrics;

import java.util.function.DoubleSupplier;

/**
 * The facade every module records metrics through. The {@code metrics} module backs it with
 * Dropwizard Metrics and exports it; without that module the runtime binds {@link #noop()}.
 *
 * <p>Names are dotted lower case, such as {@code ossp.discovery.queries}; tags carry the dimensions
 * (target, server, tool, outcome, status class). Asking twice for the same name and tags returns
 * the same meter, so callers may look meters up on each call, but should keep them in fields on hot
 * paths.
 *
 * <p>Implementations are thread-safe.
 */
public interface Metrics {
  /** Returns the counter with this name and tags. */
  Counter counter(String name, Tags tags);

  /** Returns the timer with this name and tags. */
  Timer timer(String name, Tags tags);

  /** Returns the histogram with this name and tags. */
  Histogram histogram(String name, Tags tags);

  /**
   * Registers a gauge read from {@code value} at each export. Registering the same name and tags
   * again replaces the supplier.
   */
  void gauge(String name, Tags tags, DoubleSupplier value);

  /**
   * Sets the text exported as Prometheus {@code HELP} for {@code name}, for metrics outside {@link
   * MetricCatalog}, whose entries bring their own. A later call replaces the text. The no-op facade
   * ignores it.
   */
  default void describe(String name, String description) {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(description, "description");
  }

  /** Returns a facade that records nothing, at no cost. */
  static Metrics noop() {
    return NoopMetrics.INSTANCE;
  }

  /** Counts events. */
  interface Counter {
    /** Adds one. */
    void increment();

    /** Adds {@code amount}, which must not be negative. */
    void increment(long amount);
  }

  /** Records durations, with percentiles where the backing supports them. */
  interface Timer {
    /** Records one duration in nanoseconds. */
    void recordNanos(long nanos);

    /** Records one duration. */
    default void record(java.time.Duration duration) {
      recordNanos(duration.toNanos());
    }
  }

  /** Records a distribution of values, such as sizes. */
  interface Histogram {
    /** Records one value. */
    void update(long value);
  }
}
