package dev.ossp.runtime.backoff;

import java.time.Duration;
import java.util.Objects;

/**
 * The parameters every backoff strategy reads; each strategy documents which it uses.
 *
 * @param baseDelay the first delay and the unit of growth; positive
 * @param multiplier growth per retry for exponential strategies; at least 1.0
 * @param maxDelay the cap, applied after jitter; at least {@code baseDelay}
 * @param jitterFactor the fraction of a delay that may be randomized, in 0.0..1.0
 */
public record BackoffSettings(
    Duration baseDelay, double multiplier, Duration maxDelay, double jitterFactor) {

  /** Defaults: base 100 ms, multiplier 2.0, cap 10 s, jitter factor 0.5. */
  public static final BackoffSettings DEFAULTS =
      new BackoffSettings(Duration.ofMillis(100), 2.0, Duration.ofSeconds(10), 0.5);

  /** Checks the values, naming the bad one. */
  public BackoffSettings {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (baseDelay.isNegative() || baseDelay.isZero()) {
      throw new IllegalArgumentException("baseDelay must be positive, was " + baseDelay);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException(
          "multiplier must be a finite number >= 1.0, was " + multiplier);
    }
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "maxDelay must be >= baseDelay (" + baseDelay + "), was " + maxDelay);
    }
    if (!(jitterFactor >= 0.0 && jitterFactor <= 1.0)) {
      throw new IllegalArgumentException("jitterFactor must be in 0.0..1.0, was " + jitterFactor);
    }
  }
}
