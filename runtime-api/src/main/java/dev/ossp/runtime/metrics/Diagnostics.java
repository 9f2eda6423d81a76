package dev.ossp.runtime.metrics;

/**
 * Builds diagnostics reports. The metrics module binds it; the node serves the same report as JSON
 * at {@code GET /diagnostics}.
 *
 * <p>Implementations are thread-safe.
 */
public interface Diagnostics {
  /** Returns a report of the current state. */
  DiagnosticsReport report();

  /** Returns {@code report} rendered as JSON. */
  String toJson(DiagnosticsReport report);
}
