package dev.ossp.runtime.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * Counts since a cache was created.
 *
 * @param hits lookups that found a value
 * @param misses lookups that found none
 * @param evictions entries removed for size or expiry, not by invalidation
 * @param loads values computed by a loader
 * @param totalLoadTime time spent in loaders
 */
public record CacheStats(
    long hits, long misses, long evictions, long loads, Duration totalLoadTime) {
  /** Checks the counts. */
  public CacheStats {
    Objects.requireNonNull(totalLoadTime, "totalLoadTime");
    if (hits < 0 || misses < 0 || evictions < 0 || loads < 0) {
      throw new IllegalArgumentException("cache counts must be >= 0");
    }
  }

  /** Returns stats with every count zero. */
  public static CacheStats empty() {
    return new CacheStats(0, 0, 0, 0, Duration.ZERO);
  }

  /** Returns the number of lookups. */
  public long requests() {
    return hits + misses;
  }

  /** Returns hits divided by lookups, or NaN when there were no lookups. */
  public double hitRate() {
    long requests = requests();
    return requests == 0 ? Double.NaN : (double) hits / requests;
  }
}
