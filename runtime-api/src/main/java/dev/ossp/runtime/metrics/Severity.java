package dev.ossp.runtime.metrics;

/** The urgency of a diagnostics recommendation, from most to least urgent. */
public enum Severity {
  /** Something is failing or about to fail; act now. */
  ERROR,
  /** A target is missed or a resource runs short; act soon. */
  WARNING,
  /** Worth knowing, such as a tuning opportunity. */
  INFO
}
