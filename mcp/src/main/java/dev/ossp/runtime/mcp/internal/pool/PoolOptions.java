package dev.ossp.runtime.mcp.internal.pool;

import dev.ossp.runtime.backoff.BackoffSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * The pool's settings besides the limits a {@link dev.ossp.runtime.pool.PoolController} decides.
 *
 * @param maintenanceInterval how often idle eviction and health checks run; positive
 * @param healthCheckInterval a connection unused this long gets a {@code ping}; positive
 * @param healthCheckTimeout how long a health {@code ping} may take; positive
 * @param stableAfter a connection that lived this long counts as a success for the breaker
 * @param backoff the delays between restarts of a server that crashed or failed to start
 * @param crashLoopThreshold consecutive failures that open the built-in breaker, when no resilience
 *     breaker is installed; at least 1
 * @param crashLoopOpenDuration how long the built-in breaker stays open; positive
 * @param toolCallAttempts attempts of a tool call that may be retried, the first included; 1..10
 */
public record PoolOptions(
    Duration maintenanceInterval,
    Duration healthCheckInterval,
    Duration healthCheckTimeout,
    Duration stableAfter,
    BackoffSettings backoff,
    int crashLoopThreshold,
    Duration crashLoopOpenDuration,
    int toolCallAttempts) {

  /** The defaults: checks every 30 s, ping after 60 s idle with a 5 s timeout, and so on. */
  public static final PoolOptions DEFAULTS =
      new PoolOptions(
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          new BackoffSettings(Duration.ofMillis(200), 2.0, Duration.ofSeconds(30), 0.5),
          5,
          Duration.ofSeconds(30),
          2);

  /** Checks the values, naming the bad one. */
  public PoolOptions {
    positive("maintenanceInterval", maintenanceInterval);
    positive("healthCheckInterval", healthCheckInterval);
    positive("healthCheckTimeout", healthCheckTimeout);
    positive("stableAfter", stableAfter);
    Objects.requireNonNull(backoff, "backoff");
    positive("crashLoopOpenDuration", crashLoopOpenDuration);
    if (crashLoopThreshold < 1) {
      throw new IllegalArgumentException(
          "crashLoopThreshold must be >= 1, was " + crashLoopThreshold);
    }
    if (toolCallAttempts < 1 || toolCallAttempts > 10) {
      throw new IllegalArgumentException(
          "toolCallAttempts must be in 1..10, was " + toolCallAttempts);
    }
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
