package dev.ossp.runtime.metrics;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Exports what was recorded through {@link Metrics}: Prometheus text, a JSON summary, a console
 * report and CSV files. The metrics module binds it.
 *
 * <p>Implementations are thread-safe.
 */
public interface MetricsExporter {
  /** The content type of {@link #prometheusText()}: the Prometheus text format 0.0.4. */
  String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Returns every metric in the Prometheus text format 0.0.4. */
  String prometheusText();

  /** Returns the per-component summary. */
  MetricsSummary summary();

  /** Returns {@code summary} rendered as JSON. */
  String toJson(MetricsSummary summary);

  /** Writes every metric once to {@code out} as a human-readable table. */
  void writeConsoleReport(PrintStream out);

  /**
   * Starts writing one CSV file per metric into {@code directory} every {@code period}, until the
   * returned handle is closed.
   *
   * @param directory an existing, writable directory
   * @param period between 1 second and 1 day
   * @throws IllegalArgumentException if the directory is missing or the period out of range
   */
  AutoCloseable startCsvReporter(Path directory, Duration period);
}
