package dev.ossp.runtime.discovery.internal.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * The registry's limits and timings, read from {@code discovery.*} configuration.
 *
 * @param maxAgents the capacity, counting agents in their grace period
 * @param maxResults the largest page a query may ask for
 * @param defaultLimit the page size of a query that names none; at most {@code maxResults}
 * @param leaseGrace how long an expired agent is kept before it is deleted from the store
 * @param minLeaseTtl the shortest lease a registration may ask for
 * @param maxLeaseTtl the longest lease a registration may ask for
 * @param cacheEnabled whether query results are cached
 * @param cacheTtl how long a cached result lives without a change that affects it
 * @param cacheMaxSize the maximum number of cached results
 * @param healthTimeout how long a health probe may take
 * @param healthTtl how long a probe result is reused
 * @param healthParallelism how many probes run at once
 */
public record RegistrySettings(
    int maxAgents,
    int maxResults,
    int defaultLimit,
    Duration leaseGrace,
    Duration minLeaseTtl,
    Duration maxLeaseTtl,
    boolean cacheEnabled,
    Duration cacheTtl,
    long cacheMaxSize,
    Duration healthTimeout,
    Duration healthTtl,
    int healthParallelism) {

  /** Checks the values. */
  public RegistrySettings {
    Objects.requireNonNull(leaseGrace, "leaseGrace");
    Objects.requireNonNull(minLeaseTtl, "minLeaseTtl");
    Objects.requireNonNull(maxLeaseTtl, "maxLeaseTtl");
    Objects.requireNonNull(cacheTtl, "cacheTtl");
    Objects.requireNonNull(healthTimeout, "healthTimeout");
    Objects.requireNonNull(healthTtl, "healthTtl");
    if (maxAgents < 1 || maxResults < 1 || defaultLimit < 1 || defaultLimit > maxResults) {
      throw new IllegalArgumentException(
          "need maxAgents >= 1 and 1 <= defaultLimit <= maxResults; were "
              + maxAgents
              + ", "
              + defaultLimit
              + ", "
              + maxResults);
    }
    if (minLeaseTtl.compareTo(maxLeaseTtl) > 0) {
      throw new IllegalArgumentException(
          "minLeaseTtl " + minLeaseTtl + " is above maxLeaseTtl " + maxLeaseTtl);
    }
    if (healthParallelism < 1 || cacheMaxSize < 1) {
      throw new IllegalArgumentException("healthParallelism and cacheMaxSize must be >= 1");
    }
  }

  /** The defaults: 100000 agents, pages of 100 up to 1000, 5 minute cache of 10000 results. */
  public static RegistrySettings defaults() {
    return new RegistrySettings(
        100_000,
        1000,
        100,
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        Duration.ofDays(1),
        true,
        Duration.ofMinutes(5),
        10_000,
        Duration.ofSeconds(2),
        Duration.ofSeconds(10),
        8);
  }
}
