package dev.ossp.runtime.metrics.internal.diagnostics;

import dev.ossp.runtime.metrics.MetricCatalog;
import dev.ossp.runtime.metrics.internal.registry.CounterMeter;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import dev.ossp.runtime.metrics.internal.registry.GaugeMeter;
import dev.ossp.runtime.metrics.internal.registry.RegisteredMeter;
import dev.ossp.runtime.metrics.internal.report.WindowLatency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/** Reads the values the diagnostics rules judge from the metrics registry. */
final class Observations {
  private final DropwizardMetrics metrics;

  Observations(DropwizardMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Returns the merged latency window of the timers called {@code name}. */
  Optional<Histogram> latency(String name) {
    return WindowLatency.merged(metrics, name);
  }

  /** Returns the sum of the counters called {@code name} over all tags. */
  long counterTotal(String name) {
    long total = 0;
    for (RegisteredMeter meter : metrics.meters(name)) {
      if (meter instanceof CounterMeter counter) {
        total += counter.count();
      }
    }
    return total;
  }

  /**
   * Returns the sum of the counters called {@code name} whose outcome tag is absent or {@code
   * success}, the same rule as the summary's.
   */
  long succeededTotal(String name) {
    long total = 0;
    for (RegisteredMeter meter : metrics.meters(name)) {
      String outcome = meter.id().tags().asMap().get(MetricCatalog.TAG_OUTCOME);
      boolean succeeded = outcome == null || outcome.equals(MetricCatalog.OUTCOME_SUCCESS);
      if (meter instanceof CounterMeter counter && succeeded) {
        total += counter.count();
      }
    }
    return total;
  }

  /** Returns, per value of tag {@code key}, the sum of the counters called {@code name}. */
  Map<String, Long> counterTotalsBy(String name, String key) {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (RegisteredMeter meter : metrics.meters(name)) {
      String value = meter.id().tags().asMap().get(key);
      if (meter instanceof CounterMeter counter && value != null) {
        totals.merge(value, counter.count(), Long::sum);
      }
    }
    return totals;
  }

  /** Returns, per value of tag {@code key}, the value of the gauges called {@code name}. */
  Map<String, Double> gaugesBy(String name, String key) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (RegisteredMeter meter : metrics.meters(name)) {
      String value = meter.id().tags().asMap().get(key);
      if (meter instanceof GaugeMeter gauge && value != null) {
        values.put(value, gauge.value());
      }
    }
    return values;
  }
}
