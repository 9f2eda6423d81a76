package dev.ossp.runtime.mcp.internal.pool;

import dev.ossp.runtime.pool.PoolController;
import dev.ossp.runtime.pool.PoolSettings;
import java.time.Duration;
import java.time.Instant;

/**
 * The pool limits used when the runtime injects no pooling strategy: the configured settings, never
 * adjusted. Thread-safe.
 */
record FixedLimits(PoolSettings settings) implements PoolController {
  @Override
  public int maxTotal() {
    return settings.maxTotal();
  }

  @Override
  public int maxPerKey(String key) {
    return settings.maxPerKey();
  }

  @Override
  public Duration idleTimeout() {
    return settings.idleTimeout();
  }

  @Override
  public void recordLeaseWait(String key, Duration waited) {}

  @Override
  public void recordUsage(String key, int leased, int idle) {}

  @Override
  public void evaluate(Instant now) {}

  @Override
  public void addListener(LimitListener listener) {}
}
