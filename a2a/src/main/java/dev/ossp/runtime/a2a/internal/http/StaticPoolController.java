package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.pool.PoolController;
import dev.ossp.runtime.pool.PoolSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Fixed pool limits, for a client built without a {@code PoolingStrategy} (outside a runtime).
 * Inside a runtime the configured strategy ({@code strategies.pooling}) creates the controller.
 * Immutable.
 */
record StaticPoolController(PoolSettings settings) implements PoolController {
  StaticPoolController {
    Objects.requireNonNull(settings, "settings");
  }

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
  public void recordLeaseWait(String key, Duration waited) {
    // Fixed limits do not react to waits.
  }

  @Override
  public void recordUsage(String key, int leased, int idle) {
    // Fixed limits do not react to usage.
  }

  @Override
  public void evaluate(Instant now) {
    // Fixed limits never change.
  }

  @Override
  public void addListener(LimitListener listener) {
    // Fixed limits never change, so the listener would never be called.
  }
}
