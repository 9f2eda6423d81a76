package dev.ossp.runtime.cache;

import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A bounded cache with expiry and statistics. Implementations are thread-safe.
 *
 * @param <K> the key type, with value-based {@code equals} and {@code hashCode}
 * @param <V> the value type, ideally immutable
 */
public interface RuntimeCache<K, V> {
  /** Returns the cached value for {@code key}, or null. Counts a hit or a miss. */
  @Nullable V getIfPresent(K key);

  /**
   * Returns the cached value for {@code key}, computing and caching it with {@code loader} on a
   * miss. Concurrent callers for one key wait for a single load. A loader that throws caches
   * nothing and the exception reaches the caller.
   */
  V get(K key, Function<? super K, ? extends V> loader);

  /** Caches {@code value} for {@code key}. */
  void put(K key, V value);

  /** Removes the entry for {@code key}. */
  void invalidate(K key);

  /** Removes every entry whose key matches {@code filter}. */
  void invalidateIf(Predicate<? super K> filter);

  /** Removes every entry. */
  void invalidateAll();

  /** Returns the approximate number of entries. */
  long estimatedSize();

  /** Returns the statistics since creation. */
  CacheStats stats();
}
