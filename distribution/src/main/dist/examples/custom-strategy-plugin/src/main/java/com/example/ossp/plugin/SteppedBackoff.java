package com.example.ossp.plugin;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.backoff.BackoffStrategy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Waits in fixed steps: the base delay for the first retry, twice the base delay for the second,
 * and so on up to {@link #MAX_STEPS} times the base delay, never more than the maximum delay. It
 * uses no randomness, so every client retries on the same schedule.
 *
 * <p>Select it with {@code strategies.backoff: stepped}. Stateless and thread-safe.
 */
public final class SteppedBackoff implements BackoffStrategy {
  /** The largest multiple of the base delay this strategy waits. */
  public static final int MAX_STEPS = 5;

  /** Creates the strategy; the runtime calls this through the service loader. */
  public SteppedBackoff() {}

  @Override
  public String name() {
    return "stepped";
  }

  @Override
  public String description() {
    return "base delay times the retry number, up to " + MAX_STEPS + " steps (example plugin)";
  }

  @Override
  public Duration delay(
      int retry, Duration previousDelay, BackoffSettings settings, RandomGenerator random) {
    int steps = Math.max(1, Math.min(retry, MAX_STEPS));
    Duration delay = settings.baseDelay().multipliedBy(steps);
    return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
  }
}
