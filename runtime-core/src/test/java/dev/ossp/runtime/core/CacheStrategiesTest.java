package dev.ossp.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.cache.CacheSettings;
import dev.ossp.runtime.cache.CacheStats;
import dev.ossp.runtime.cache.RuntimeCache;
import dev.ossp.runtime.core.internal.cache.CaffeineCacheStrategy;
import dev.ossp.runtime.core.internal.cache.NoCacheStrategy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CacheStrategiesTest {
  private final AtomicLong nanos = new AtomicLong();
  private final CaffeineCacheStrategy caffeine = new CaffeineCacheStrategy(nanos::get);

  private static CacheSettings settings(long maximumSize) {
    return new CacheSettings("test", maximumSize, Duration.ofMinutes(1));
  }

  @Test
  void caffeineCountsHitsMissesAndLoads() {
    // given
    RuntimeCache<String, String> cache = caffeine.create(settings(10));
    AtomicInteger loads = new AtomicInteger();

    // when
    String first = cache.get("a", key -> key + loads.incrementAndGet());
    String second = cache.get("a", key -> key + loads.incrementAndGet());
    String absent = cache.getIfPresent("b");
    CacheStats stats = cache.stats();

    // then
    assertThat(first).isEqualTo("a1");
    assertThat(second).isEqualTo("a1");
    assertThat(absent).isNull();
    assertThat(stats.hits()).isEqualTo(1);
    assertThat(stats.misses()).isEqualTo(2);
    assertThat(stats.loads()).isEqualTo(1);
    assertThat(stats.evictions()).isZero();
  }

  @Test
  void caffeineExpiresEntriesAfterWrite() {
    // given
    RuntimeCache<String, String> cache = caffeine.create(settings(10));
    cache.put("a", "1");

    // when
    nanos.addAndGet(Duration.ofSeconds(59).toNanos());
    String beforeExpiry = cache.getIfPresent("a");
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    String afterExpiry = cache.getIfPresent("a");

    // then
    assertThat(beforeExpiry).isEqualTo("1");
    assertThat(afterExpiry).isNull();
    assertThat(cache.stats().evictions()).isEqualTo(1);
    assertThat(cache.estimatedSize()).isZero();
  }

  @Test
  void caffeineEvictsBeyondMaximumSize() {
    // given
    RuntimeCache<Integer, Integer> cache = caffeine.create(settings(5));

    // when
    for (int i = 0; i < 20; i++) {
      cache.put(i, i);
    }
    CacheStats stats = cache.stats();

    // then
    assertThat(cache.estimatedSize()).isEqualTo(5);
    assertThat(stats.evictions()).isEqualTo(15);
  }

  @Test
  void caffeineInvalidationIsNotEviction() {
    // given
    RuntimeCache<String, String> cache = caffeine.create(settings(10));
    cache.put("a:1", "x");
    cache.put("a:2", "y");
    cache.put("b:1", "z");

    // when
    cache.invalidateIf(key -> key.startsWith("a:"));
    long afterFilter = cache.estimatedSize();
    cache.invalidate("b:1");

    // then
    assertThat(afterFilter).isEqualTo(1);
    assertThat(cache.estimatedSize()).isZero();
    assertThat(cache.stats().evictions()).isZero();
  }

  @Test
  void caffeineLoaderFailureCachesNothing() {
    // given
    RuntimeCache<String, String> cache = caffeine.create(settings(10));

    // when / then
    assertThatThrownBy(
            () ->
                cache.get(
                    "a",
                    key -> {
                      throw new IllegalStateException("backend down");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("backend down");
    assertThat(cache.get("a", key -> "loaded")).isEqualTo("loaded");
  }

  @Test
  void noneStoresNothingAndCountsMisses() {
    // given
    RuntimeCache<String, String> cache = new NoCacheStrategy().create(settings(10));
    AtomicInteger loads = new AtomicInteger();

    // when
    cache.put("a", "1");
    String present = cache.getIfPresent("a");
    String first = cache.get("b", key -> key + loads.incrementAndGet());
    String second = cache.get("b", key -> key + loads.incrementAndGet());
    CacheStats stats = cache.stats();

    // then
    assertThat(present).isNull();
    assertThat(first).isEqualTo("b1");
    assertThat(second).isEqualTo("b2");
    assertThat(cache.estimatedSize()).isZero();
    assertThat(stats.hits()).isZero();
    assertThat(stats.misses()).isEqualTo(3);
    assertThat(stats.loads()).isEqualTo(2);
    assertThat(stats.hitRate()).isZero();
  }
}
