package dev.ossp.runtime.mcp.internal.pool;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.backoff.BackoffStrategy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** A backoff strategy that always waits the base delay, so tests can check the wait. */
final class FixedBackoff implements BackoffStrategy {
  @Override
  public String name() {
    return "test-fixed";
  }

  @Override
  public Duration delay(
      int retry, Duration previousDelay, BackoffSettings settings, RandomGenerator random) {
    return settings.baseDelay();
  }
}
