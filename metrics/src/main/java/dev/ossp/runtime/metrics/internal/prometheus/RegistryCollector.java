package dev.ossp.runtime.metrics.internal.prometheus;

import dev.ossp.runtime.metrics.internal.registry.CounterMeter;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import dev.ossp.runtime.metrics.internal.registry.FunctionCounterMeter;
import dev.ossp.runtime.metrics.internal.registry.GaugeMeter;
import dev.ossp.runtime.metrics.internal.registry.HistogramMeter;
import dev.ossp.runtime.metrics.internal.registry.MetricFamily;
import dev.ossp.runtime.metrics.internal.registry.RegisteredMeter;
import dev.ossp.runtime.metrics.internal.registry.TimerMeter;
import dev.ossp.runtime.metrics.internal.registry.WindowSnapshot;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Prometheus {@link MultiCollector} over a {@link DropwizardMetrics} registry: counters become
 * counters, gauges become gauges, and timers and histograms become summaries with the quantiles of
 * their sliding window, their all-time count and their all-time sum. Timer values are converted
 * from nanoseconds to seconds. An empty window exports {@code NaN} quantiles.
 *
 * <p>The registry has already sanitized names and rejected collisions, so each family here has a
 * unique, valid name. This class is thread-safe.
 */
public final class RegistryCollector implements MultiCollector {
  /** The quantiles every summary exports. */
  public static final List<Double> QUANTILES = List.of(0.5, 0.75, 0.95, 0.98, 0.99, 0.999);

  private static final double NANOS_PER_SECOND = 1e9;

  private final DropwizardMetrics metrics;

  /** Creates a collector that reads {@code metrics} at each scrape. */
  public RegistryCollector(DropwizardMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public MetricSnapshots collect() {
    Map<MetricFamily, List<RegisteredMeter>> byFamily = new LinkedHashMap<>();
    for (RegisteredMeter meter : metrics.meters()) {
      byFamily.computeIfAbsent(meter.family(), family -> new ArrayList<>()).add(meter);
    }
    MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
    for (Map.Entry<MetricFamily, List<RegisteredMeter>> entry : byFamily.entrySet()) {
      snapshots.metricSnapshot(familySnapshot(entry.getKey(), entry.getValue()));
    }
    return snapshots.build();
  }

  private MetricSnapshot familySnapshot(MetricFamily family, List<RegisteredMeter> meters) {
    String help = metrics.help(family.name());
    Unit unit = unitOf(family);
    return switch (family.type()) {
      case COUNTER -> counterSnapshot(family, help, unit, meters);
      case GAUGE -> gaugeSnapshot(family, help, unit, meters);
      case TIMER, HISTOGRAM -> summarySnapshot(family, help, unit, meters);
    };
  }

  private static CounterSnapshot counterSnapshot(
      MetricFamily family, String help, Unit unit, List<RegisteredMeter> meters) {
    CounterSnapshot.Builder builder =
        CounterSnapshot.builder().name(family.exportName()).help(help);
    if (unit != null) {
      builder.unit(unit);
    }
    for (RegisteredMeter meter : meters) {
      double value =
          meter instanceof CounterMeter counter
              ? counter.count()
              : ((FunctionCounterMeter) meter).value();
      builder.dataPoint(
          CounterSnapshot.CounterDataPointSnapshot.builder()
              .labels(labels(meter))
              .value(value)
              .build());
    }
    return builder.build();
  }

  private static GaugeSnapshot gaugeSnapshot(
      MetricFamily family, String help, Unit unit, List<RegisteredMeter> meters) {
    GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(family.exportName()).help(help);
    if (unit != null) {
      builder.unit(unit);
    }
    for (RegisteredMeter meter : meters) {
      builder.dataPoint(
          GaugeSnapshot.GaugeDataPointSnapshot.builder()
              .labels(labels(meter))
              .value(((GaugeMeter) meter).value())
              .build());
    }
    return builder.build();
  }

  private static SummarySnapshot summarySnapshot(
      MetricFamily family, String help, Unit unit, List<RegisteredMeter> meters) {
    SummarySnapshot.Builder builder =
        SummarySnapshot.builder().name(family.exportName()).help(help);
    if (unit != null) {
      builder.unit(unit);
    }
    for (RegisteredMeter meter : meters) {
      WindowSnapshot window;
      long count;
      double sum;
      double scale;
      if (meter instanceof TimerMeter timer) {
        window = timer.snapshot();
        count = timer.count();
        scale = NANOS_PER_SECOND;
        sum = timer.totalNanos() / scale;
      } else {
        HistogramMeter histogram = (HistogramMeter) meter;
        window = histogram.snapshot();
        count = histogram.count();
        scale = 1;
        sum = histogram.total();
      }
      Quantiles.Builder quantiles = Quantiles.builder();
      for (double quantile : QUANTILES) {
        quantiles.quantile(new Quantile(quantile, window.getValue(quantile) / scale));
      }
      builder.dataPoint(
          SummarySnapshot.SummaryDataPointSnapshot.builder()
              .labels(labels(meter))
              .quantiles(quantiles.build())
              .count(count)
              .sum(sum)
              .build());
    }
    return builder.build();
  }

  private static Labels labels(RegisteredMeter meter) {
    Map<String, String> tags = meter.id().tags().asMap();
    return Labels.of(new ArrayList<>(tags.keySet()), new ArrayList<>(tags.values()));
  }

  private static @org.jspecify.annotations.Nullable Unit unitOf(MetricFamily family) {
    String unit =
        family.type() == dev.ossp.runtime.metrics.MetricType.TIMER ? "seconds" : family.unit();
    return unit.isEmpty() ? null : new Unit(unit);
  }
}
