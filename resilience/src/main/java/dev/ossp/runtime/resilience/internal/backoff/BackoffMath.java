package dev.ossp.runtime.resilience.internal.backoff;

import dev.ossp.runtime.backoff.BackoffSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Arithmetic shared by the strategies, done in {@code double} nanoseconds and clamped, so no
 * attempt number or duration can overflow or produce a negative delay.
 */
final class BackoffMath {
  private BackoffMath() {}

  /** Checks the arguments every strategy receives. */
  static void check(
      int retry, Duration previousDelay, BackoffSettings settings, RandomGenerator random) {
    Objects.requireNonNull(previousDelay, "previousDelay");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(random, "random");
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be >= 1, was " + retry);
    }
    if (previousDelay.isNegative()) {
      throw new IllegalArgumentException(
          "previousDelay must not be negative, was " + previousDelay);
    }
  }

  /** Returns {@code duration} in nanoseconds as a double; never overflows. */
  static double nanos(Duration duration) {
    return duration.getSeconds() * 1e9 + duration.getNano();
  }

  /** Returns {@code base × multiplier^(retry-1)}, capped at the max delay. */
  static double exponential(int retry, BackoffSettings settings) {
    double base = nanos(settings.baseDelay());
    double max = nanos(settings.maxDelay());
    double growth = Math.pow(settings.multiplier(), retry - 1.0);
    double delay = base * growth;
    return Double.isNaN(delay) || delay >= max ? max : delay;
  }

  /** Returns {@code base × retry}, capped at the max delay. */
  static double linear(int retry, BackoffSettings settings) {
    double delay = nanos(settings.baseDelay()) * retry;
    double max = nanos(settings.maxDelay());
    return delay >= max ? max : delay;
  }

  /**
   * Spreads {@code delay} uniformly over {@code delay × (1 ± jitterFactor)}; without jitter the
   * random source is not consulted.
   */
  static double symmetricJitter(double delay, double jitterFactor, RandomGenerator random) {
    if (jitterFactor == 0.0 || delay == 0.0) {
      return delay;
    }
    return delay * (1.0 + jitterFactor * (2.0 * random.nextDouble() - 1.0));
  }

  /** Clamps to {@code 0..maxDelay} and converts to a duration. */
  static Duration capped(double delayNanos, BackoffSettings settings) {
    double max = nanos(settings.maxDelay());
    double clamped = Double.isNaN(delayNanos) ? max : Math.max(0.0, Math.min(delayNanos, max));
    if (clamped >= max) {
      return settings.maxDelay();
    }
    return Duration.ofNanos((long) clamped);
  }
}
