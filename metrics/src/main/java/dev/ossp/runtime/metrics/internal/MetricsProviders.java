package dev.ossp.runtime.metrics.internal;

import com.codahale.metrics.Clock;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.metrics.Diagnostics;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.MetricsExporter;
import dev.ossp.runtime.metrics.internal.diagnostics.DefaultDiagnostics;
import dev.ossp.runtime.metrics.internal.diagnostics.DiagnosticsThresholds;
import dev.ossp.runtime.metrics.internal.diagnostics.SystemProbe;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import dev.ossp.runtime.metrics.internal.report.DropwizardMetricsExporter;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The providers the metrics component binds. One {@link DropwizardMetrics} registry, built from the
 * {@code metrics.reservoir.*} settings, backs the facade, the exporter and diagnostics; every
 * binding is a singleton.
 */
final class MetricsProviders {
  private MetricsProviders() {}

  /** Builds the registry from the configuration. */
  static final class RegistryProvider implements Provider<DropwizardMetrics> {
    private final RuntimeConfig config;

    @Inject
    RegistryProvider(RuntimeConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public DropwizardMetrics get() {
      return new DropwizardMetrics(
          config.get(MetricsConfigKeys.RESERVOIR_WINDOW),
          config.get(MetricsConfigKeys.RESERVOIR_SLICES),
          Clock.defaultClock());
    }
  }

  /** Returns the registry as the {@link Metrics} facade. */
  static final class FacadeProvider implements Provider<Metrics> {
    private final DropwizardMetrics metrics;

    @Inject
    FacadeProvider(DropwizardMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public Metrics get() {
      return metrics;
    }
  }

  /** Builds the exporter over the registry. */
  static final class ExporterProvider implements Provider<MetricsExporter> {
    private final DropwizardMetrics metrics;

    @Inject
    ExporterProvider(DropwizardMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public MetricsExporter get() {
      return new DropwizardMetricsExporter(metrics);
    }
  }

  /** Builds diagnostics over the registry and every contributed {@link DiagnosticsSource}. */
  static final class DiagnosticsProvider implements Provider<Diagnostics> {
    private final DropwizardMetrics metrics;
    private final List<DiagnosticsSource> sources;
    private final RuntimeConfig config;

    @Inject
    DiagnosticsProvider(
        DropwizardMetrics metrics, Set<DiagnosticsSource> sources, RuntimeConfig config) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      this.sources = List.copyOf(sources);
      this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Diagnostics get() {
      return new DefaultDiagnostics(
          metrics, () -> sources, DiagnosticsThresholds.from(config), new SystemProbe());
    }
  }
}
