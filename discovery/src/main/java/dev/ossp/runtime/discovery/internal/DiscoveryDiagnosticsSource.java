package dev.ossp.runtime.discovery.internal;

import dev.ossp.runtime.cache.CacheStats;
import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.discovery.RegistryStats;
import dev.ossp.runtime.discovery.internal.registry.DefaultAgentRegistry;
import dev.ossp.runtime.discovery.internal.registry.LeaseCounts;
import dev.ossp.runtime.discovery.internal.registry.RegistrySettings;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The discovery component's entry in the diagnostics report. Its health is the component's own
 * {@link DiscoveryComponent#health()}. Its stats describe the running registry's agent and lease
 * counts, store, query cache, health probe and configured limits. Before start and after stop the
 * stats are empty.
 *
 * <p>The stats come from memory without locks or I/O. Counting agents and leases takes two passes
 * over the agent index, and the health takes a third, so a report costs time in proportion to the
 * number of stored agents.
 *
 * <p>This class is thread-safe.
 */
final class DiscoveryDiagnosticsSource implements DiagnosticsSource {
  private final DiscoveryComponent component;

  DiscoveryDiagnosticsSource(DiscoveryComponent component) {
    this.component = Objects.requireNonNull(component, "component");
  }

  @Override
  public String name() {
    return component.name();
  }

  @Override
  public ComponentHealth health() {
    return component.health();
  }

  @Override
  public Map<String, Object> stats() {
    DiscoveryComponent.Running running = component.running();
    if (running == null) {
      return Map.of();
    }
    DefaultAgentRegistry registry = running.service().registry();
    RegistryStats stats = registry.stats();

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("agents", agents(registry, stats));
    result.put("leases", leases(registry.leaseCounts()));
    result.put("store", store(running, registry));
    result.put("cache", cache(running, stats));
    result.put("queries", stats.queries());
    result.put("healthProbe", healthProbe(running));
    result.put("limits", limits(running.settings()));
    return result;
  }

  private static Map<String, Object> agents(DefaultAgentRegistry registry, RegistryStats stats) {
    Map<String, Object> agents = new LinkedHashMap<>();
    agents.put("visible", stats.agents());
    agents.put("expired", stats.expiredAgents());
    agents.put("stored", registry.storedAgents());
    agents.put("domains", stats.domains());
    return agents;
  }

  private static Map<String, Object> leases(LeaseCounts counts) {
    Map<String, Object> leases = new LinkedHashMap<>();
    leases.put("leased", counts.leased());
    leases.put("awaitingSweep", counts.awaitingSweep());
    leases.put("inGracePeriod", counts.inGracePeriod());
    return leases;
  }

  private static Map<String, Object> store(
      DiscoveryComponent.Running running, DefaultAgentRegistry registry) {
    Map<String, Object> store = new LinkedHashMap<>();
    store.put("strategy", running.storeName());
    // NOTE: every store is opened with this directory, but only the file store keeps its files
    // there. Store options are left out because a remote store's options may contain credentials.
    store.put("directory", running.storeDirectory().toString());
    store.put("shared", registry.sharedStore());
    store.put("status", registry.storeStatus().name().toLowerCase(Locale.ROOT));
    return store;
  }

  private static Map<String, Object> cache(
      DiscoveryComponent.Running running, RegistryStats stats) {
    Map<String, Object> cache = new LinkedHashMap<>();
    String strategy = running.cacheStrategy();
    cache.put("enabled", strategy != null);
    if (strategy == null) {
      return cache;
    }
    CacheStats counts = stats.cache();
    cache.put("strategy", strategy);
    cache.put("size", stats.cacheSize());
    cache.put("maxSize", running.settings().cacheMaxSize());
    cache.put("ttl", running.settings().cacheTtl().toString());
    cache.put("hits", counts.hits());
    cache.put("misses", counts.misses());
    cache.put("evictions", counts.evictions());
    return cache;
  }

  private static Map<String, Object> healthProbe(DiscoveryComponent.Running running) {
    Map<String, Object> probe = new LinkedHashMap<>();
    probe.put("installed", running.healthProbe());
    probe.put("timeout", running.settings().healthTimeout().toString());
    probe.put("parallelism", running.settings().healthParallelism());
    return probe;
  }

  private static Map<String, Object> limits(RegistrySettings settings) {
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("maxAgents", settings.maxAgents());
    limits.put("maxResults", settings.maxResults());
    limits.put("minLeaseTtl", settings.minLeaseTtl().toString());
    limits.put("maxLeaseTtl", settings.maxLeaseTtl().toString());
    limits.put("leaseGrace", settings.leaseGrace().toString());
    return limits;
  }
}
