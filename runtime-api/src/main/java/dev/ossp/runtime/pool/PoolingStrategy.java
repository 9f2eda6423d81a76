package dev.ossp.runtime.pool;

import dev.ossp.runtime.spi.Strategy;

/**
 * Decides the limits of a pool of connections or processes. Built-ins: {@code fixed} (the default),
 * which keeps the configured limits, and {@code adaptive}, which raises a key's limit under
 * sustained lease waits and lowers it when idle, within the configured bounds.
 */
public interface PoolingStrategy extends Strategy {
  /** Creates the controller for one pool. */
  PoolController create(PoolSettings settings);
}
