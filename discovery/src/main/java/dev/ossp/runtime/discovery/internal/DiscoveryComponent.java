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
import dev.ossp.runtime.metrics.DiagnosticsSource;
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
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code discovery} component: binds {@link AgentRegistry} and {@link AgentDirectory}, adds the
 * registry's HTTP routes, and at start opens the selected registry store ({@code
 * strategies.registry-store}, default {@code file}) in {@code <runtime.data-dir>/<
 * discovery.store.directory>} with its {@code discovery.store.<name>.*} options. Its entry in the
 * diagnostics report is {@link DiscoveryDiagnosticsSource}.
 */
public final class DiscoveryComponent implements RuntimeComponent {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryComponent.class);

  private final RegistryHandle handle = new RegistryHandle();
  private volatile @Nullable Running running;

  /**
   * The started registry and the choices it was started with. The component publishes it in one
   * write, so {@link #health()} and the diagnostics source never see half of a start or a stop.
   *
   * @param cacheStrategy the name of the query cache's strategy, or null when caching is off
   * @param healthProbe whether an {@link AgentHealthProbe} is installed
   */
  record Running(
      DiscoveryService service,
      String storeName,
      Path storeDirectory,
      RegistrySettings settings,
      @Nullable String cacheStrategy,
      boolean healthProbe) {}

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
    // An instance, not a class for Guice to build, because the source reads the state of this
    // component, which ServiceLoader created outside the injector.
    binder.addInstanceToSet(DiagnosticsSource.class, new DiscoveryDiagnosticsSource(this));
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
    running =
        new Running(
            started,
            storeStrategy.name(),
            directory,
            settings,
            cache == null ? null : cache.name(),
            probe != null);
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
    Running stopped = running;
    running = null;
    handle.detach();
    if (stopped != null) {
      stopped.service().close();
      LOG.info("discovery stopped");
    }
  }

  @Override
  public ComponentHealth health() {
    Running current = running;
    if (current == null) {
      return ComponentHealth.down("discovery is not running");
    }
    String storeName = current.storeName();
    RegistryStats stats = current.service().registry().stats();
    StoreStatus storeStatus = current.service().registry().storeStatus();
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
        .withDetail("store", storeName)
        .withDetail("storeStatus", storeStatus.name().toLowerCase(Locale.ROOT))
        .withDetail("cachedResults", stats.cacheSize());
  }

  /** Returns the started registry, or null before start and after stop. */
  @Nullable Running running() {
    return running;
  }
}
