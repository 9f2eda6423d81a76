package dev.ossp.runtime.resilience.internal.backoff;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.backoff.BackoffStrategy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * {@code decorrelated-jitter} (the default): each wait is a uniform random time between the base
 * delay and the previous wait times the multiplier, capped at the max delay; the first retry, with
 * no previous wait, waits the base delay. Successive waits grow on average but are decorrelated, so
 * clients that failed together spread out. With a multiplier of 1 every wait is the base delay. The
 * jitter factor is not used.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class DecorrelatedJitterBackoff implements BackoffStrategy {
  /** Creates the strategy; ServiceLoader needs this constructor. */
  public DecorrelatedJitterBackoff() {}

  @Override
  public String name() {
    return "decorrelated-jitter";
  }

  @Override
  public String description() {
    return "uniform between the base delay and the previous delay times the multiplier";
  }

  @Override
  public Duration delay(
      int retry, Duration previousDelay, BackoffSettings settings, RandomGenerator random) {
    BackoffMath.check(retry, previousDelay, settings, random);

    double base = BackoffMath.nanos(settings.baseDelay());
    double max = BackoffMath.nanos(settings.maxDelay());
    if (previousDelay.isZero()) {
      return BackoffMath.capped(base, settings);
    }
    double upper = Math.min(max, BackoffMath.nanos(previousDelay) * settings.multiplier());
    if (upper <= base) {
      return BackoffMath.capped(base, settings);
    }
    return BackoffMath.capped(base + (upper - base) * random.nextDouble(), settings);
  }
}
