package dev.ossp.runtime.metrics.internal.prometheus;

import dev.ossp.runtime.metrics.MetricsExporter;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes a {@link DropwizardMetrics} registry in the Prometheus text format 0.0.4 with the official
 * Prometheus Java client: a private {@link PrometheusRegistry} scrapes a {@link RegistryCollector}
 * and the client's {@link PrometheusTextFormatWriter} writes the result, escaping {@code HELP} text
 * and label values. This class is thread-safe.
 */
public final class PrometheusExport {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  /** Creates an export of {@code metrics}. */
  public PrometheusExport(DropwizardMetrics metrics) {
    Objects.requireNonNull(metrics, "metrics");

    registry.register(new RegistryCollector(metrics));
    if (!writer.getContentType().equals(MetricsExporter.PROMETHEUS_CONTENT_TYPE)) {
      throw new IllegalStateException(
          "the Prometheus client writes "
              + writer.getContentType()
              + ", expected "
              + MetricsExporter.PROMETHEUS_CONTENT_TYPE);
    }
  }

  /** Returns every metric in the text format 0.0.4. */
  public String scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      // Names are already valid legacy names, so underscore escaping leaves them unchanged.
      writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a byte array failed", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
