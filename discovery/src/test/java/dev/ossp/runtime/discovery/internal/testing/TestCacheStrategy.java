package dev.ossp.runtime.discovery.internal.testing;

import dev.ossp.runtime.cache.CacheSettings;
import dev.ossp.runtime.cache.CacheStats;
import dev.ossp.runtime.cache.CacheStrategy;
import dev.ossp.runtime.cache.RuntimeCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A small cache strategy for tests that run without the runtime core: a concurrent map with expiry
 * by an injected clock, a size bound that evicts an arbitrary entry, and real counters.
 */
public final class TestCacheStrategy implements CacheStrategy {
  private final Clock clock;

  public TestCacheStrategy(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "test";
  }

  @Override
  public <K, V> RuntimeCache<K, V> create(CacheSettings settings) {
    return new MapCache<>(settings, clock);
  }

  private record Timed<V>(V value, long writtenAtMillis) {}

  private static final class MapCache<K, V> implements RuntimeCache<K, V> {
    private final ConcurrentHashMap<K, Timed<V>> map = new ConcurrentHashMap<>();
    private final CacheSettings settings;
    private final Clock clock;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();
    private final AtomicLong loads = new AtomicLong();
    private final AtomicLong loadNanos = new AtomicLong();

    MapCache(CacheSettings settings, Clock clock) {
      this.settings = settings;
      this.clock = clock;
    }

    private boolean expired(Timed<V> timed) {
      return clock.millis() - timed.writtenAtMillis() >= settings.expireAfterWrite().toMillis();
    }

    @Override
    public @Nullable V getIfPresent(K key) {
      Timed<V> timed = map.get(key);
      if (timed == null || expired(timed)) {
        if (timed != null && map.remove(key, timed)) {
          evictions.incrementAndGet();
        }
        misses.incrementAndGet();
        return null;
      }
      hits.incrementAndGet();
      return timed.value();
    }

    @Override
    public V get(K key, Function<? super K, ? extends V> loader) {
      V present = getIfPresent(key);
      if (present != null) {
        return present;
      }
      long started = System.nanoTime();
      V value = loader.apply(key);
      loads.incrementAndGet();
      loadNanos.addAndGet(System.nanoTime() - started);
      put(key, value);
      return value;
    }

    @Override
    public void put(K key, V value) {
      map.put(key, new Timed<>(value, clock.millis()));
      while (map.size() > settings.maximumSize()) {
        Iterator<Map.Entry<K, Timed<V>>> iterator = map.entrySet().iterator();
        if (iterator.hasNext()) {
          iterator.next();
          iterator.remove();
          evictions.incrementAndGet();
        }
      }
    }

    @Override
    public void invalidate(K key) {
      map.remove(key);
    }

    @Override
    public void invalidateIf(Predicate<? super K> filter) {
      map.keySet().removeIf(filter);
    }

    @Override
    public void invalidateAll() {
      map.clear();
    }

    @Override
    public long estimatedSize() {
      return map.size();
    }

    @Override
    public CacheStats stats() {
      return new CacheStats(
          hits.get(),
          misses.get(),
          evictions.get(),
          loads.get(),
          Duration.ofNanos(loadNanos.get()));
    }
  }
}
