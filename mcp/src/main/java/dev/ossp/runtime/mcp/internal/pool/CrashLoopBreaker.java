package dev.ossp.runtime.mcp.internal.pool;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The breaker used when no resilience component is installed: opens after {@code threshold}
 * consecutive failures for {@code openDuration}, then admits one probe; a success closes it, a
 * failure opens it again.
 *
 * <p>Thread-safe.
 */
final class CrashLoopBreaker implements ServerBreaker {
  private static final Logger LOG = LoggerFactory.getLogger(CrashLoopBreaker.class);

  private final String name;
  private final int threshold;
  private final Duration openDuration;
  private final Clock clock;
  private int consecutiveFailures;
  private long openUntilMillis = Long.MIN_VALUE;
  private boolean probing;

  CrashLoopBreaker(String name, int threshold, Duration openDuration, Clock clock) {
    this.name = name;
    this.threshold = threshold;
    this.openDuration = openDuration;
    this.clock = clock;
  }

  @Override
  public synchronized boolean tryAcquirePermission() {
    if (openUntilMillis == Long.MIN_VALUE) {
      return true;
    }
    if (clock.millis() < openUntilMillis || probing) {
      return false;
    }
    probing = true;
    return true;
  }

  @Override
  public synchronized void onSuccess(Duration lifetime) {
    if (openUntilMillis != Long.MIN_VALUE) {
      LOG.info("circuit '{}' closed: the server ran stably for {} ms", name, lifetime.toMillis());
    }
    consecutiveFailures = 0;
    openUntilMillis = Long.MIN_VALUE;
    probing = false;
  }

  @Override
  public synchronized void releasePermission() {
    probing = false;
  }

  @Override
  public synchronized void onError(Duration lifetime, Throwable error) {
    consecutiveFailures++;
    probing = false;
    if (consecutiveFailures >= threshold) {
      openUntilMillis = clock.millis() + openDuration.toMillis();
      LOG.warn(
          "circuit '{}' opened after {} consecutive failures; next attempt in {} ms: {}",
          name,
          consecutiveFailures,
          openDuration.toMillis(),
          error.getMessage());
    }
  }

  @Override
  public synchronized Duration untilNextProbe() {
    if (openUntilMillis == Long.MIN_VALUE) {
      return Duration.ZERO;
    }
    return Duration.ofMillis(Math.max(0, openUntilMillis - clock.millis()));
  }

  @Override
  public String name() {
    return name;
  }

  /** Returns {@code half-open} once the open duration has passed, when the next attempt probes. */
  @Override
  public synchronized String state() {
    if (openUntilMillis == Long.MIN_VALUE) {
      return "closed";
    }
    return probing || clock.millis() >= openUntilMillis ? "half-open" : "open";
  }
}
