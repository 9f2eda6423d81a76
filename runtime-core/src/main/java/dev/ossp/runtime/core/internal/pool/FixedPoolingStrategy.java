package dev.ossp.runtime.core.internal.pool;

import dev.ossp.runtime.pool.PoolController;
import dev.ossp.runtime.pool.PoolSettings;
import dev.ossp.runtime.pool.PoolingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@code fixed} pooling strategy, the default: every key gets the configured {@code maxPerKey}
 * and the limits never change, so listeners are never notified. Thread-safe.
 */
public final class FixedPoolingStrategy implements PoolingStrategy {
  /** The strategy's name. */
  public static final String NAME = "fixed";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "fixed limits: the configured maximums, never adjusted";
  }

  @Override
  public PoolController create(PoolSettings settings) {
    Objects.requireNonNull(settings, "settings");

    return new FixedPoolController(settings);
  }

  private record FixedPoolController(PoolSettings settings) implements PoolController {
    @Override
    public int maxTotal() {
      return settings.maxTotal();
    }

    @Override
    public int maxPerKey(String key) {
      Objects.requireNonNull(key, "key");

      return settings.maxPerKey();
    }

    @Override
    public Duration idleTimeout() {
      return settings.idleTimeout();
    }

    @Override
    public void recordLeaseWait(String key, Duration waited) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(waited, "waited");
    }

    @Override
    public void recordUsage(String key, int leased, int idle) {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public void evaluate(Instant now) {
      Objects.requireNonNull(now, "now");
    }

    @Override
    public void addListener(LimitListener listener) {
      // Fixed limits never change, so the listener would never be called and is not kept.
      Objects.requireNonNull(listener, "listener");
    }
  }
}
