package com.example.ossp.plugin;

import dev.ossp.runtime.cache.CacheSettings;
import dev.ossp.runtime.cache.CacheStrategy;
import dev.ossp.runtime.cache.RuntimeCache;

/**
 * Creates {@link LruCache}s: bounded by entry count, least recently used entry evicted first, and
 * entries expire a fixed time after they were written.
 *
 * <p>Select it with {@code strategies.cache: lru}. Thread-safe.
 */
public final class LruCacheStrategy implements CacheStrategy {
  /** Creates the strategy; the runtime calls this through the service loader. */
  public LruCacheStrategy() {}

  @Override
  public String name() {
    return "lru";
  }

  @Override
  public String description() {
    return "least-recently-used map with expiry after write (example plugin)";
  }

  @Override
  public <K, V> RuntimeCache<K, V> create(CacheSettings settings) {
    return new LruCache<>(settings);
  }
}
