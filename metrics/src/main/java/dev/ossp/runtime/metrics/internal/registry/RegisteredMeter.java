package dev.ossp.runtime.metrics.internal.registry;

import com.codahale.metrics.Metric;

/** A meter in the {@link DropwizardMetrics} registry, with the family it exports under. */
public sealed interface RegisteredMeter
    permits CounterMeter, FunctionCounterMeter, TimerMeter, HistogramMeter, GaugeMeter {
  /** The meter's name and tags. */
  MeterId id();

  /** The family the meter belongs to. */
  MetricFamily family();

  /** The Dropwizard metric that stores the values. */
  Metric dropwizardMetric();
}
