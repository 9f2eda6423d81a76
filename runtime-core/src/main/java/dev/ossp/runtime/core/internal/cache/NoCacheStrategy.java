package dev.ossp.runtime.core.internal.cache;

import dev.ossp.runtime.cache.CacheSettings;
import dev.ossp.runtime.cache.CacheStats;
import dev.ossp.runtime.cache.CacheStrategy;
import dev.ossp.runtime.cache.RuntimeCache;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The {@code none} cache strategy: stores nothing, so every lookup is a miss and {@code get} runs
 * the loader each time. Useful to rule caching out while debugging. Thread-safe.
 */
public final class NoCacheStrategy implements CacheStrategy {
  /** The strategy's name. */
  public static final String NAME = "none";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "no caching: every lookup misses and loads again";
  }

  @Override
  public <K, V> RuntimeCache<K, V> create(CacheSettings settings) {
    Objects.requireNonNull(settings, "settings");

    return new NoRuntimeCache<>();
  }

  private static final class NoRuntimeCache<K, V> implements RuntimeCache<K, V> {
    private final LongAdder misses = new LongAdder();
    private final LongAdder loads = new LongAdder();
    private final LongAdder loadNanos = new LongAdder();

    @Override
    public @Nullable V getIfPresent(K key) {
      Objects.requireNonNull(key, "key");

      misses.increment();
      return null;
    }

    @Override
    public V get(K key, Function<? super K, ? extends V> loader) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(loader, "loader");

      misses.increment();
      long start = System.nanoTime();
      try {
        return Objects.requireNonNull(loader.apply(key), "loader returned null");
      } finally {
        loads.increment();
        loadNanos.add(System.nanoTime() - start);
      }
    }

    @Override
    public void put(K key, V value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public void invalidate(K key) {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public void invalidateIf(Predicate<? super K> filter) {
      Objects.requireNonNull(filter, "filter");
    }

    @Override
    public void invalidateAll() {}

    @Override
    public long estimatedSize() {
      return 0;
    }

    @Override
    public CacheStats stats() {
      return new CacheStats(0, misses.sum(), 0, loads.sum(), Duration.ofNanos(loadNanos.sum()));
    }
  }
}
