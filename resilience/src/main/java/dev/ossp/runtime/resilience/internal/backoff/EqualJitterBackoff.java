package dev.ossp.runtime.resilience.internal.backoff;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.backoff.BackoffStrategy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * {@code equal-jitter}: retry {@code n} waits {@code d/2} plus a uniform random time in {@code [0,
 * d/2)}, where {@code d = min(maxDelay, base × multiplier^(n-1))}, so the wait is in {@code [d/2,
 * d)}. The jitter factor is not used.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class EqualJitterBackoff implements BackoffStrategy {
  /** Creates the strategy; ServiceLoader needs this constructor. */
  public EqualJitterBackoff() {}

  @Override
  public String name() {
    return "equal-jitter";
  }

  @Override
  public String description() {
    return "half the capped exponential delay plus a uniform random half";
  }

  @Override
  public Duration delay(
      int retry, Duration previousDelay, BackoffSettings settings, RandomGenerator random) {
    BackoffMath.check(retry, previousDelay, settings, random);

    double ceiling = BackoffMath.exponential(retry, settings);
    double half = ceiling / 2.0;
    return BackoffMath.capped(half + half * random.nextDouble(), settings);
  }
}
