package dev.ossp.runtime.cache;

import dev.ossp.runtime.spi.Strategy;

/**
 * Creates the caches the runtime's components use. Built-ins: {@code caffeine} (the default) and
 * {@code none}, which caches nothing and reports every lookup as a miss.
 */
public interface CacheStrategy extends Strategy {
  /** Creates a cache with the given settings. */
  <K, V> RuntimeCache<K, V> create(CacheSettings settings);
}
