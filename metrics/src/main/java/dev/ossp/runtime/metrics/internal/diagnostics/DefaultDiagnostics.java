package dev.ossp.runtime.metrics.internal.diagnostics;

import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.metrics.ComponentDiagnostics;
import dev.ossp.runtime.metrics.Diagnostics;
import dev.ossp.runtime.metrics.DiagnosticsReport;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import dev.ossp.runtime.metrics.SystemDiagnostics;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Diagnostics} implementation: system facts from {@link SystemProbe}, one entry per
 * {@link DiagnosticsSource}, and the recommendations of {@link DiagnosticsRules}. A source that
 * throws is reported as DOWN with the error, and the report is still built. Thread-safe.
 */
public final class DefaultDiagnostics implements Diagnostics {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultDiagnostics.class);

  private final DropwizardMetrics metrics;
  private final Supplier<? extends Iterable<DiagnosticsSource>> sources;
  private final DiagnosticsRules rules;
  private final SystemProbe probe;

  /**
   * Creates diagnostics over {@code metrics}.
   *
   * @param sources returns the current sources at each report
   */
  public DefaultDiagnostics(
      DropwizardMetrics metrics,
      Supplier<? extends Iterable<DiagnosticsSource>> sources,
      DiagnosticsThresholds thresholds,
      SystemProbe probe) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.sources = Objects.requireNonNull(sources, "sources");
    this.rules = new DiagnosticsRules(Objects.requireNonNull(thresholds, "thresholds"));
    this.probe = Objects.requireNonNull(probe, "probe");
  }

  @Override
  public DiagnosticsReport report() {
    SystemDiagnostics system = probe.read();
    List<ComponentDiagnostics> components = new ArrayList<>();
    for (DiagnosticsSource source : sources.get()) {
      components.add(read(source));
    }
    components.sort(Comparator.comparing(ComponentDiagnostics::name));
    return new DiagnosticsReport(
        metrics.now(), system, components, rules.evaluate(new Observations(metrics), system));
  }

  @Override
  public String toJson(DiagnosticsReport report) {
    return DiagnosticsJson.render(report);
  }

  private static ComponentDiagnostics read(DiagnosticsSource source) {
    String name = source.name();
    try {
      return new ComponentDiagnostics(name, source.health(), source.stats());
    } catch (RuntimeException e) {
      LOG.warn("diagnostics source '{}' failed; reporting it as DOWN", name, e);
      return new ComponentDiagnostics(
          name, ComponentHealth.down("diagnostics source failed: " + e), Map.of());
    }
  }
}
