package dev.ossp.runtime.resilience.internal.backoff;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.backoff.BackoffStrategy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * {@code linear}: retry {@code n} waits {@code base × n}, capped at the max delay, then spread by
 * {@code ± jitterFactor} and capped again (the cap applies after jitter).
 *
 * <p>This class is stateless and thread-safe.
 */
public final class LinearBackoff implements BackoffStrategy {
  /** Creates the strategy; ServiceLoader needs this constructor. */
  public LinearBackoff() {}

  @Override
  public String name() {
    return "linear";
  }

  @Override
  public String description() {
    return "base delay times the retry number, with symmetric jitter";
  }

  @Override
  public Duration delay(
      int retry, Duration previousDelay, BackoffSettings settings, RandomGenerator random) {
    BackoffMath.check(retry, previousDelay, settings, random);

    double delay = BackoffMath.linear(retry, settings);
    return BackoffMath.capped(
        BackoffMath.symmetricJitter(delay, settings.jitterFactor(), random), settings);
  }
}
