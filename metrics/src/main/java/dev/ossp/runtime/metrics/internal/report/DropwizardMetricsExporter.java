package dev.ossp.runtime.metrics.internal.report;

import com.codahale.metrics.ConsoleReporter;
import com.codahale.metrics.CsvReporter;
import dev.ossp.runtime.metrics.MetricsExporter;
import dev.ossp.runtime.metrics.MetricsSummary;
import dev.ossp.runtime.metrics.internal.prometheus.PrometheusExport;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MetricsExporter} over a {@link DropwizardMetrics} registry: Prometheus text through
 * the official client, the JSON summary, and Dropwizard's console and CSV reporters. Thread-safe.
 */
public final class DropwizardMetricsExporter implements MetricsExporter {
  private static final Logger LOG = LoggerFactory.getLogger(DropwizardMetricsExporter.class);

  private final DropwizardMetrics metrics;
  private final PrometheusExport prometheus;
  private final SummaryBuilder summaries;

  /** Creates an exporter of {@code metrics}. */
  public DropwizardMetricsExporter(DropwizardMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.prometheus = new PrometheusExport(metrics);
    this.summaries = new SummaryBuilder(metrics);
  }

  @Override
  public String prometheusText() {
    return prometheus.scrape();
  }

  @Override
  public MetricsSummary summary() {
    return summaries.summary();
  }

  @Override
  public String toJson(MetricsSummary summary) {
    return SummaryJson.render(summary);
  }

  @Override
  public void writeConsoleReport(PrintStream out) {
    Objects.requireNonNull(out, "out");

    ConsoleReporter.forRegistry(metrics.dropwizardRegistry())
        .outputTo(out)
        .formattedFor(Locale.ROOT)
        .convertDurationsTo(TimeUnit.MILLISECONDS)
        .convertRatesTo(TimeUnit.SECONDS)
        .build()
        .report();
  }

  @Override
  public AutoCloseable startCsvReporter(Path directory, Duration period) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(period, "period");

    if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
      throw new IllegalArgumentException(
          "CSV directory " + directory + " must be an existing, writable directory");
    }
    if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("CSV period must be in 1s..1d, was " + period);
    }
    CsvReporter reporter =
        CsvReporter.forRegistry(metrics.dropwizardRegistry())
            .formatFor(Locale.ROOT)
            .convertDurationsTo(TimeUnit.MILLISECONDS)
            .convertRatesTo(TimeUnit.SECONDS)
            .withCsvFileProvider(
                (dir, metricName) -> new File(dir, safeFileName(metricName) + ".csv"))
            .build(directory.toFile());
    reporter.start(period.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("CSV metrics reporter started: writing to {} every {}", directory, period);
    return () -> {
      reporter.stop();
      LOG.info("CSV metrics reporter stopped for {}", directory);
    };
  }

  /** Returns a file name with only letters, digits, dots, dashes and underscores. */
  static String safeFileName(String metricName) {
    String safe = metricName.replaceAll("[^A-Za-z0-9._=-]", "_");
    return safe.length() > 200
        ? safe.substring(0, 200) + "-" + Integer.toHexString(metricName.hashCode())
        : safe;
  }
}
