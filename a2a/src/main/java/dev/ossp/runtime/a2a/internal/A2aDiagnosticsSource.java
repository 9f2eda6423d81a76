package dev.ossp.runtime.a2a.internal;

import dev.ossp.runtime.a2a.internal.agent.NodeAgentRoutes;
import dev.ossp.runtime.a2a.internal.http.DefaultAgentHttpClient;
import dev.ossp.runtime.a2a.internal.http.HttpTransport;
import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import dev.ossp.runtime.node.NodeInfo;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hc.core5.pool.PoolStats;

/**
 * The a2a component's entry in the diagnostics report. Its health is {@link A2aComponent#health()}
 * of the running component, and its stats are read from the live client without I/O:
 *
 * <ul>
 *   <li>{@code running}: whether the component has started and not stopped. The keys after {@code
 *       nodeAgentServed} are present only while it runs.
 *   <li>{@code nodeAgentServed}: whether the node serves its own A2A agent card and endpoint.
 *   <li>{@code pool}: the connection pool's {@code leased}, {@code available}, {@code pending} and
 *       {@code maxTotal} connections, from one snapshot.
 *   <li>{@code pendingDeadlines}: exchanges open now whose deadline has not passed.
 *   <li>{@code targets}: the targets called since start.
 *   <li>{@code breakers}: whether breakers are installed, the called targets' breakers counted by
 *       lower-case state, and up to {@link #MAX_LISTED_TARGETS} targets whose breaker rejects calls
 *       (OPEN or FORCED_OPEN), sorted, with the count of those left off.
 *   <li>{@code responseCache}: whether it is enabled and, when it is, its approximate entry count
 *       and its maximum.
 * </ul>
 *
 * <p>Thread-safe. A report costs time linear in the targets called and the exchanges open.
 */
final class A2aDiagnosticsSource implements DiagnosticsSource {
  /** The maximum number of rejecting targets listed by name. */
  static final int MAX_LISTED_TARGETS = 20;

  private final A2aComponent component;
  private final RuntimeConfig config;
  private final Optional<NodeInfo> node;

  @Inject
  A2aDiagnosticsSource(A2aComponent component, RuntimeConfig config, Optional<NodeInfo> node) {
    this.component = Objects.requireNonNull(component, "component");
    this.config = Objects.requireNonNull(config, "config");
    this.node = Objects.requireNonNull(node, "node");
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
    A2aServices services = component.running();
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("running", services != null);
    stats.put("nodeAgentServed", NodeAgentRoutes.served(config, node));
    if (services == null) {
      return stats;
    }

    DefaultAgentHttpClient http = services.http();
    HttpTransport transport = http.transport();
    stats.put("pool", poolStats(transport.totalStats()));
    stats.put("pendingDeadlines", transport.pendingDeadlines());
    stats.put("targets", http.targets().size());
    stats.put("breakers", breakerStats(http));
    stats.put("responseCache", cacheStats(services));
    return stats;
  }

  private static Map<String, Object> poolStats(PoolStats pool) {
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("leased", pool.getLeased());
    stats.put("available", pool.getAvailable());
    stats.put("pending", pool.getPending());
    stats.put("maxTotal", pool.getMax());
    return stats;
  }

  private static Map<String, Object> breakerStats(DefaultAgentHttpClient http) {
    Optional<CircuitBreakerRegistry> registry = http.breakers();
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("installed", registry.isPresent());
    if (registry.isEmpty()) {
      return stats;
    }

    // The registry also contains breakers of other components, so only the a2a targets are read.
    Map<String, Integer> byState = new TreeMap<>();
    List<String> rejecting = new ArrayList<>();
    for (String target : http.targets()) {
      Optional<CircuitBreaker> breaker = registry.get().find(target);
      if (breaker.isEmpty()) {
        continue;
      }
      CircuitBreaker.State state = breaker.get().state();
      byState.merge(state.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
      if (!state.admitsCalls()) {
        rejecting.add(target);
      }
    }
    rejecting.sort(null);
    List<String> listed = rejecting.subList(0, Math.min(rejecting.size(), MAX_LISTED_TARGETS));
    stats.put("byState", byState);
    stats.put("openTargets", List.copyOf(listed));
    stats.put("openTargetsNotListed", rejecting.size() - listed.size());
    return stats;
  }

  private static Map<String, Object> cacheStats(A2aServices services) {
    Map<String, Object> stats = new LinkedHashMap<>();
    services
        .http()
        .cache()
        .ifPresentOrElse(
            cache -> {
              stats.put("enabled", true);
              stats.put("entries", cache.size());
              stats.put("maxEntries", services.settings().cacheMaxSize());
            },
            () -> stats.put("enabled", false));
    return stats;
  }
}
