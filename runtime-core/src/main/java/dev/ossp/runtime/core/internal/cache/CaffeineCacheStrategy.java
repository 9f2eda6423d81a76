package dev.ossp.runtime.core.internal.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.ossp.runtime.cache.CacheSettings;
import dev.ossp.runtime.cache.CacheStrategy;
import dev.ossp.runtime.cache.RuntimeCache;
import java.util.Objects;

/**
 * The {@code caffeine} cache strategy, the default: bounded by entry count with W-TinyLFU eviction,
 * entries expire a fixed time after they are written, and statistics are recorded.
 *
 * <p>Maintenance (eviction and expiry) runs on the calling thread, so a cache starts no threads.
 * Thread-safe.
 */
public final class CaffeineCacheStrategy implements CacheStrategy {
  /** The strategy's name. */
  public static final String NAME = "caffeine";

  private final Ticker ticker;

  /** Creates the strategy on the system clock; used by {@link java.util.ServiceLoader}. */
  public CaffeineCacheStrategy() {
    this(Ticker.systemTicker());
  }

  /** Creates the strategy on {@code ticker}, a nanosecond time source, so tests control expiry. */
  public CaffeineCacheStrategy(Ticker ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Caffeine: bounded by size with W-TinyLFU eviction, expiry after write, statistics";
  }

  @Override
  public <K, V> RuntimeCache<K, V> create(CacheSettings settings) {
    Objects.requireNonNull(settings, "settings");

    return new CaffeineRuntimeCache<>(
        settings.name(),
        Caffeine.newBuilder()
            .maximumSize(settings.maximumSize())
            .expireAfterWrite(settings.expireAfterWrite())
            .ticker(ticker)
            .executor(Runnable::run)
            .recordStats()
            .build());
  }
}
