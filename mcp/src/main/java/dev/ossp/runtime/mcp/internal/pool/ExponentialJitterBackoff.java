package dev.ossp.runtime.mcp.internal.pool;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.backoff.BackoffStrategy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The restart backoff used when the runtime injects no {@link BackoffStrategy}: {@code base *
 * multiplier^(retry-1)}, capped, with the jitter fraction of it randomized downwards.
 *
 * <p>Stateless and thread-safe.
 */
final class ExponentialJitterBackoff implements BackoffStrategy {
  @Override
  public String name() {
    return "mcp-exponential-jitter";
  }

  @Override
  public Duration delay(
      int retry, Duration previousDelay, BackoffSettings settings, RandomGenerator random) {
    double base = settings.baseDelay().toNanos();
    double cap = settings.maxDelay().toNanos();
    double exponent = Math.min(Math.max(retry, 1) - 1, 1000);
    double raw = Math.min(cap, base * Math.pow(settings.multiplier(), exponent));
    double jittered = raw * (1.0 - settings.jitterFactor() * random.nextDouble());
    return Duration.ofNanos((long) Math.max(0, Math.min(cap, jittered)));
  }
}
