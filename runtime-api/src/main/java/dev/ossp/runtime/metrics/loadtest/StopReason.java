package dev.ossp.runtime.metrics.loadtest;

/** The cause that ended the measured phase of a scenario. */
public enum StopReason {
  /** The configured duration passed. */
  DURATION,
  /** The configured number of requests was started. */
  MAX_REQUESTS
}
