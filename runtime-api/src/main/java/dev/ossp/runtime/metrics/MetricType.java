package dev.ossp.runtime.metrics;

/** The kind of meter behind a metric name, which decides how it is recorded and exported. */
public enum MetricType {
  /** A monotonic count, from {@link Metrics#counter}; exported with the suffix {@code _total}. */
  COUNTER,
  /**
   * Durations with percentiles, from {@link Metrics#timer}; exported as a summary in seconds with
   * the suffix {@code _seconds}.
   */
  TIMER,
  /** A distribution of values with percentiles, from {@link Metrics#histogram}. */
  HISTOGRAM,
  /** A value read at each export, from {@link Metrics#gauge}. */
  GAUGE
}
