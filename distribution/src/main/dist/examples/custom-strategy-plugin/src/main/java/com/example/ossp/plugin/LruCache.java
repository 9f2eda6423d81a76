package com.example.ossp.plugin;

import dev.ossp.runtime.cache.CacheSettings;
import dev.ossp.runtime.cache.CacheStats;
import dev.ossp.runtime.cache.RuntimeCache;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A cache on an access-ordered {@link LinkedHashMap}, guarded by one lock. Simple rather than fast:
 * every operation takes the lock, and a load runs under it, so concurrent loads of different keys
 * wait for each other.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class LruCache<K, V> implements RuntimeCache<K, V> {
  private final long maximumSize;
  private final long expireAfterWriteNanos;
  private final Map<K, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long hits;
  private long misses;
  private long evictions;
  private long loads;
  private long loadNanos;

  private record Entry<V>(V value, long writtenAt) {}

  LruCache(CacheSettings settings) {
    this.maximumSize = settings.maximumSize();
    this.expireAfterWriteNanos = settings.expireAfterWrite().toNanos();
  }

  @Override
  public synchronized V getIfPresent(K key) {
    Entry<V> entry = fresh(key);
    if (entry == null) {
      misses++;
      return null;
    }
    hits++;
    return entry.value();
  }

  @Override
  public synchronized V get(K key, Function<? super K, ? extends V> loader) {
    Entry<V> entry = fresh(key);
    if (entry != null) {
      hits++;
      return entry.value();
    }
    misses++;
    long start = System.nanoTime();
    V value = loader.apply(key);
    loads++;
    loadNanos += System.nanoTime() - start;
    put(key, value);
    return value;
  }

  @Override
  public synchronized void put(K key, V value) {
    entries.put(key, new Entry<>(value, System.nanoTime()));
    Iterator<Map.Entry<K, Entry<V>>> eldest = entries.entrySet().iterator();
    while (entries.size() > maximumSize && eldest.hasNext()) {
      eldest.next();
      eldest.remove();
      evictions++;
    }
  }

  @Override
  public synchronized void invalidate(K key) {
    entries.remove(key);
  }

  @Override
  public synchronized void invalidateIf(Predicate<? super K> filter) {
    entries.keySet().removeIf(filter);
  }

  @Override
  public synchronized void invalidateAll() {
    entries.clear();
  }

  @Override
  public synchronized long estimatedSize() {
    return entries.size();
  }

  @Override
  public synchronized CacheStats stats() {
    return new CacheStats(hits, misses, evictions, loads, Duration.ofNanos(loadNanos));
  }

  /** Returns the entry for {@code key} unless it is missing or expired; drops an expired one. */
  private Entry<V> fresh(K key) {
    Entry<V> entry = entries.get(key);
    if (entry != null && System.nanoTime() - entry.writtenAt() > expireAfterWriteNanos) {
      entries.remove(key);
      evictions++;
      return null;
    }
    return entry;
  }
}
