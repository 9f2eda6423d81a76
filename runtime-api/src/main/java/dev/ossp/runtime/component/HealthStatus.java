package dev.ossp.runtime.component;

/** The health of a component or of the whole runtime, from best to worst. */
public enum HealthStatus {
  /** Working normally. */
  UP,
  /** Working with reduced capacity or with a non-critical part down. */
  DEGRADED,
  /** Not working. The node's {@code /health} answers 503. */
  DOWN;

  /** Returns the worse of this and {@code other}. */
  public HealthStatus worst(HealthStatus other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
