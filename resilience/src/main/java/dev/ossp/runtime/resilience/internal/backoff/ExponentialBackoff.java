package dev.ossp.runtime.resilience.internal.backoff;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.backoff.BackoffStrategy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * {@code exponential}: retry {@code n} waits {@code base × multiplier^(n-1)}, capped at the max
 * delay, then spread by {@code ± jitterFactor} and capped again (the cap applies after jitter).
 *
 * <p>This class is stateless and thread-safe.
 */
public final class ExponentialBackoff implements BackoffStrategy {
  /** Creates the strategy; ServiceLoader needs this constructor. */
  public ExponentialBackoff() {}

  @Override
  public String name() {
    return "exponential";
  }

  @Override
  public String description() {
    return "base delay times multiplier to the power of retries, with symmetric jitter";
  }

  @Override
  public Duration delay(
      int retry, Duration previousDelay, BackoffSettings settings, RandomGenerator random) {
    BackoffMath.check(retry, previousDelay, settings, random);

    double delay = BackoffMath.exponential(retry, settings);
    return BackoffMath.capped(
        BackoffMath.symmetricJitter(delay, settings.jitterFactor(), random), settings);
  }
}
