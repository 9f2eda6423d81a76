package dev.ossp.runtime.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * The configured limits of one pool. "Key" is what the pool partitions by: an HTTP route for the
 * A2A connection pool, a server id for the MCP process pool.
 *
 * @param poolName a name for logs and metrics, such as {@code a2a.http}
 * @param maxTotal the maximum number of pooled resources; at least 1
 * @param maxPerKey the starting limit per key; in 1..maxTotal
 * @param minPerKey the floor an adaptive strategy may lower a key's limit to; in 1..maxPerKey
 * @param maxPerKeyCeiling the ceiling an adaptive strategy may raise a key's limit to; in
 *     maxPerKey..maxTotal
 * @param idleTimeout how long an unused resource stays pooled; positive
 */
public record PoolSettings(
    String poolName,
    int maxTotal,
    int maxPerKey,
    int minPerKey,
    int maxPerKeyCeiling,
    Duration idleTimeout) {

  /** Checks the values, naming the bad one. */
  public PoolSettings {
    Objects.requireNonNull(poolName, "poolName");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (maxTotal < 1) {
      throw new IllegalArgumentException("maxTotal must be >= 1, was " + maxTotal);
    }
    if (maxPerKey < 1 || maxPerKey > maxTotal) {
      throw new IllegalArgumentException(
          "maxPerKey must be in 1.." + maxTotal + ", was " + maxPerKey);
    }
    if (minPerKey < 1 || minPerKey > maxPerKey) {
      throw new IllegalArgumentException(
          "minPerKey must be in 1.." + maxPerKey + ", was " + minPerKey);
    }
    if (maxPerKeyCeiling < maxPerKey || maxPerKeyCeiling > maxTotal) {
      throw new IllegalArgumentException(
          "maxPerKeyCeiling must be in "
              + maxPerKey
              + ".."
              + maxTotal
              + ", was "
              + maxPerKeyCeiling);
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
    }
  }

  /** Returns settings with one fixed limit per key and no room to adapt. */
  public static PoolSettings fixed(
      String poolName, int maxTotal, int maxPerKey, Duration idleTimeout) {
    return new PoolSettings(poolName, maxTotal, maxPerKey, maxPerKey, maxPerKey, idleTimeout);
  }
}
