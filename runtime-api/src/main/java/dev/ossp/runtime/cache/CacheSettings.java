package dev.ossp.runtime.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * What a component asks of a cache.
 *
 * @param name a name for logs and metrics, such as {@code discovery.queries}
 * @param maximumSize the maximum number of entries, at least 1
 * @param expireAfterWrite how long an entry lives after it is written; positive
 */
public record CacheSettings(String name, long maximumSize, Duration expireAfterWrite) {
  /** Checks the values. */
  public CacheSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expireAfterWrite, "expireAfterWrite");
    if (maximumSize < 1) {
      throw new IllegalArgumentException("maximumSize must be >= 1, was " + maximumSize);
    }
    if (expireAfterWrite.isNegative() || expireAfterWrite.isZero()) {
      throw new IllegalArgumentException(
          "expireAfterWrite must be positive, was " + expireAfterWrite);
    }
  }
}
