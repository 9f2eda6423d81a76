package dev.ossp.runtime.metrics;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A diagnostics report: the system, each component's health and statistics, and recommendations
 * sorted by severity (errors first), then by component and rule.
 *
 * @param generatedAt when the report was made
 * @param system the process and machine
 * @param components one entry per component that contributes a {@link DiagnosticsSource}
 * @param recommendations the rules that fired, most urgent first
 */
public record DiagnosticsReport(
    Instant generatedAt,
    SystemDiagnostics system,
    List<ComponentDiagnostics> components,
    List<Recommendation> recommendations) {
  private static final Comparator<Recommendation> ORDER =
      Comparator.comparing(Recommendation::severity)
          .thenComparing(Recommendation::component)
          .thenComparing(Recommendation::rule);

  /** Copies the lists and sorts the recommendations. */
  public DiagnosticsReport {
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(system, "system");
    components = List.copyOf(components);
    recommendations = recommendations.stream().sorted(ORDER).toList();
  }
}
