package dev.ossp.runtime.metrics;

import java.util.Objects;

/**
 * A finding of the diagnostics report: an observed value crossed a configured threshold.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param severity how urgent it is
 * @param component the component the finding is about, such as {@code discovery} or {@code jvm}
 * @param rule the stable id of the rule that fired, such as {@code discovery-latency-p95}
 * @param message what was observed, in one sentence
 * @param observed the observed value, in {@code unit}
 * @param threshold the configured threshold it crossed, in {@code unit}
 * @param unit the unit of both values, such as {@code ms}, {@code ratio} or {@code count}
 * @param action what to do about it
 */
public record Recommendation(
    Severity severity,
    String component,
    String rule,
    String message,
    double observed,
    double threshold,
    String unit,
    String action) {
  /** Checks that every text is present. */
  public Recommendation {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(action, "action");
  }
}
