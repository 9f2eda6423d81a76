package dev.ossp.runtime.core.internal.cache;

import com.github.benmanes.caffeine.cache.Cache;
import dev.ossp.runtime.cache.CacheStats;
import dev.ossp.runtime.cache.RuntimeCache;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RuntimeCache} over a Caffeine cache. Statistics map from Caffeine's: evictions count
 * entries removed for size or expiry (causes for which {@code RemovalCause.wasEvicted()} is true),
 * never explicit invalidations. Thread-safe.
 */
final class CaffeineRuntimeCache<K, V> implements RuntimeCache<K, V> {
  private final String name;
  private final Cache<K, V> cache;

  CaffeineRuntimeCache(String name, Cache<K, V> cache) {
    this.name = name;
    this.cache = cache;
  }

  @Override
  public @Nullable V getIfPresent(K key) {
    Objects.requireNonNull(key, "key");

    return cache.getIfPresent(key);
  }

  @Override
  public V get(K key, Function<? super K, ? extends V> loader) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(loader, "loader");

    V value =
        cache.get(
            key,
            k ->
                Objects.requireNonNull(
                    loader.apply(k), () -> "cache '" + name + "' loader returned null for " + k));
    return Objects.requireNonNull(value, "value");
  }

  @Override
  public void put(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");

    cache.put(key, value);
  }

  @Override
  public void invalidate(K key) {
    Objects.requireNonNull(key, "key");

    cache.invalidate(key);
  }

  @Override
  public void invalidateIf(Predicate<? super K> filter) {
    Objects.requireNonNull(filter, "filter");

    cache.asMap().keySet().removeIf(filter);
  }

  @Override
  public void invalidateAll() {
    cache.invalidateAll();
  }

  @Override
  public long estimatedSize() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  @Override
  public CacheStats stats() {
    // Pending evictions are applied first, so the counts include them.
    cache.cleanUp();
    com.github.benmanes.caffeine.cache.stats.CacheStats stats = cache.stats();
    return new CacheStats(
        stats.hitCount(),
        stats.missCount(),
        stats.evictionCount(),
        stats.loadCount(),
        Duration.ofNanos(stats.totalLoadTime()));
  }

  @Override
  public String toString() {
    return "CaffeineRuntimeCache[" + name + "]";
  }
}
