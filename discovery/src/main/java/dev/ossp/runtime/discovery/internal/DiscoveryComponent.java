package dev.ossp.runtime.discovery.internal;

import dev.ossp.runtime.cache.CacheStrategy;
import dev.ossp.runtime.component.ComponentBinder;
import dev.ossp.runtime.component.ComponentContext;
import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.discovery.AgentDirectory;
import dev.ossp.runtime.discovery.AgentHealthProbe;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.discovery.RegistryStats;
import dev.ossp.runtime.discovery.internal.http.RegistryRoutes;
import dev.ossp.runtime.discovery.internal.registry.RegistrySettings;
import dev.ossp.runtime.node.RouteProvider;
import dev.ossp.runtime.registry.RecordStore;
import dev.ossp.runtime.registry.RegistryStore;
import dev.ossp.runtime.registry.StoreSettings;
import dev.ossp.runtime.registry.StoreStatus;
import dev.ossp.runtime.spi.Strategies;
import dev.ossp.runtime.spi.StrategyKind;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code discovery} component: binds {@link AgentRegistry} and {@link AgentDirectory}, adds the
 * registry's HTTP routes, and at start opens the selected registry store ({@code
 * strategies.registry-store}, default {@code file}) in {@code <runtime.data-dir>/<
 * discovery.store.directory>} with its {@code discovery.store.<name>.*} options.
 */
public final class DiscoveryComponent implements RuntimeComponent {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryComponent.class);

  private final RegistryHandle handle = new RegistryHandle();
  private volatile @Nullable DiscoveryService service;
  private volatile @Nullable String storeName;

  @Override
  public String name() {
    return "discovery";
  }

  @Override
  public List<ConfigKey<?>> configKeys() {
    return DiscoveryConfigKeys.ALL;
  }

  @Override
  public void configure(ComponentBinder binder) {
    binder.bindInstance(AgentRegistry.class, handle);
    binder.bindInstance(AgentDirectory.class, handle);
    binder.addToSet(RouteProvider.class, RegistryRoutes.class);
  }

  @Override
  public void start(ComponentContext context) throws Exception {
    RuntimeConfig config = context.config();
    RegistrySettings settings = DiscoveryConfigKeys.settings(config);
    Strategies strategies = context.instance(Strategies.class);
    RegistryStore storeStrategy = strategies.selected(StrategyKind.REGISTRY_STORE);
    CacheStrategy cache = settings.cacheEnabled() ? strategies.selected(StrategyKind.CACHE) : null;
    Path directory =
        context.dataDirectory().resolve(config.get(DiscoveryConfigKeys.STORE_DIRECTORY));
    Map<String, String> options = new LinkedHashMap<>();
    for (String option : config.children("discovery", "store", storeStrategy.name())) {
      options.put(
          option, config.get(DiscoveryConfigKeys.STORE_OPTION, storeStrategy.name(), option));
    }
    RecordStore store = storeStrategy.open(new StoreSettings(directory, options));
    AgentHealthProbe probe = context.find(AgentHealthProbe.class).orElse(null);
    Clock clock = context.find(Clock.class).orElse(Clock.systemUTC());
    DiscoveryService started;
    try {
      started =
          DiscoveryService.start(
              store,
              storeStrategy.name(),
              settings,
              cache,
              probe,
              clock,
              context.metrics(),
              config.get(DiscoveryConfigKeys.LEASE_SWEEP_INTERVAL));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    service = started;
    storeName = storeStrategy.name();
    handle.attach(started.registry());
    LOG.info(
        "discovery started with {} agents in the {} store at {}; cache {}, health probe {}",
        started.registry().stats().agents(),
        storeStrategy.name(),
        directory,
        cache == null ? "off" : cache.name(),
        probe == null ? "none" : probe.getClass().getName());
  }

  @Override
  public void stop() {
    DiscoveryService running = service;
    service = null;
    handle.detach();
    if (running != null) {
      running.close();
      LOG.info("discovery stopped");
    }
  }

  @Override
  public ComponentHealth health() {
    DiscoveryService running = service;
    if (running == null) {
      return ComponentHealth.down("discovery is not running");
    }
    RegistryStats stats = running.registry().stats();
    StoreStatus storeStatus = running.registry().storeStatus();
    ComponentHealth health =
        storeStatus == StoreStatus.STALE
            ? ComponentHealth.degraded(
                "the "
                    + storeName
                    + " registry store is disconnected or resynchronizing: queries return the"
                    + " last known agents, which may be stale, and writes fail until it"
                    + " reconnects")
            : ComponentHealth.up();
    return health
        .withDetail("agents", stats.agents())
        .withDetail("expiredAgents", stats.expiredAgents())
        .withDetail("maxAgents", stats.maxAgents())
        .withDetail("store", String.valueOf(storeName))
        .withDetail("storeStatus", storeStatus.name().toLowerCase(java.util.Locale.ROOT))
        .withDetail("cachedResults", stats.cacheSize());
  }
}
