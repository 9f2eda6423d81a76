package dev.ossp.runtime.error;

import java.time.Duration;
import java.util.Objects;

/**
 * A circuit breaker rejected the call without trying it. Carries the breaker's name and the time
 * until it admits the next probe, so callers can fail fast or schedule a later attempt.
 */
public class CircuitOpenException extends OsspException {
  private static final long serialVersionUID = 1L;

  private final String breakerName;
  private final Duration untilNextProbe;

  /** Creates the error for breaker {@code breakerName}, which admits a probe after the wait. */
  public CircuitOpenException(String breakerName, Duration untilNextProbe) {
    super(
        ErrorKind.CIRCUIT_OPEN,
        "circuit '"
            + Objects.requireNonNull(breakerName, "breakerName")
            + "' is open; next probe in "
            + Objects.requireNonNull(untilNextProbe, "untilNextProbe").toMillis()
            + " ms",
        null,
        ErrorContext.builder().target(breakerName).retryAfter(untilNextProbe).build(),
        false);
    this.breakerName = breakerName;
    this.untilNextProbe = untilNextProbe;
  }

  /** The name of the breaker that rejected the call. */
  public String breakerName() {
    return breakerName;
  }

  /** The time until the breaker admits its next probe; zero when it will on the next call. */
  public Duration untilNextProbe() {
    return untilNextProbe;
  }
}
