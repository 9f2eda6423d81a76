package dev.ossp.runtime.resilience.internal.backoff;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.backoff.BackoffStrategy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * {@code fixed}: every retry waits the base delay, spread by {@code ± jitterFactor} and capped at
 * the max delay.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class FixedBackoff implements BackoffStrategy {
  /** Creates the strategy; ServiceLoader needs this constructor. */
  public FixedBackoff() {}

  @Override
  public String name() {
    return "fixed";
  }

  @Override
  public String description() {
    return "the base delay for every retry, with symmetric jitter";
  }

  @Override
  public Duration delay(
      int retry, Duration previousDelay, BackoffSettings settings, RandomGenerator random) {
    BackoffMath.check(retry, previousDelay, settings, random);

    double delay = BackoffMath.nanos(settings.baseDelay());
    return BackoffMath.capped(
        BackoffMath.symmetricJitter(delay, settings.jitterFactor(), random), settings);
  }
}
