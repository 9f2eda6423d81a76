package dev.ossp.runtime.discovery;

import dev.ossp.runtime.cache.CacheStats;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of the registry's size and of its query cache.
 *
 * @param agents visible agents (registered and not expired)
 * @param expiredAgents agents whose lease expired, kept for the grace period
 * @param maxAgents the capacity, counting visible and expired agents
 * @param domains distinct domains among visible agents
 * @param capabilities distinct capability names among visible agents
 * @param tags distinct skill tags among visible agents
 * @param agentsByDomain the number of visible agents per domain, sorted by domain
 * @param queries queries run since start, cached or not
 * @param cache the query cache's counters since start
 * @param cacheSize the approximate number of cached results
 * @param store the name of the registry store, such as {@code file}
 * @param at when the snapshot was taken
 */
public record RegistryStats(
    int agents,
    int expiredAgents,
    int maxAgents,
    int domains,
    int capabilities,
    int tags,
    Map<String, Integer> agentsByDomain,
    long queries,
    CacheStats cache,
    long cacheSize,
    String store,
    Instant at) {

  /** Copies the map and checks the values. */
  public RegistryStats {
    agentsByDomain =
        java.util.Collections.unmodifiableMap(
            new java.util.TreeMap<>(Objects.requireNonNull(agentsByDomain, "agentsByDomain")));
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(at, "at");
  }
}
