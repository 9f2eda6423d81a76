package dev.ossp.runtime.resilience.internal.backoff;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.backoff.BackoffStrategy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * {@code exponential-full-jitter}: retry {@code n} waits a uniform random time in {@code [0, d)}
 * where {@code d = min(maxDelay, base × multiplier^(n-1))}. The jitter factor is not used: the
 * whole delay is random.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class ExponentialFullJitterBackoff implements BackoffStrategy {
  /** Creates the strategy; ServiceLoader needs this constructor. */
  public ExponentialFullJitterBackoff() {}

  @Override
  public String name() {
    return "exponential-full-jitter";
  }

  @Override
  public String description() {
    return "uniform between zero and the capped exponential delay";
  }

  @Override
  public Duration delay(
      int retry, Duration previousDelay, BackoffSettings settings, RandomGenerator random) {
    BackoffMath.check(retry, previousDelay, settings, random);

    double ceiling = BackoffMath.exponential(retry, settings);
    return BackoffMath.capped(ceiling * random.nextDouble(), settings);
  }
}
