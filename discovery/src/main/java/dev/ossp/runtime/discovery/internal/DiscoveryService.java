package dev.ossp.runtime.discovery.internal;

import dev.ossp.runtime.cache.CacheSettings;
import dev.ossp.runtime.cache.CacheStrategy;
import dev.ossp.runtime.cache.RuntimeCache;
import dev.ossp.runtime.discovery.AgentHealthProbe;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.internal.query.Evaluation;
import dev.ossp.runtime.discovery.internal.query.HealthTracker;
import dev.ossp.runtime.discovery.internal.query.QueryService;
import dev.ossp.runtime.discovery.internal.registry.AgentIndex;
import dev.ossp.runtime.discovery.internal.registry.DefaultAgentRegistry;
import dev.ossp.runtime.discovery.internal.registry.RegistrySettings;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.registry.RecordStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles a running registry from an open store and the runtime's services, and owns its threads:
 * the health probe pool and, when a sweep interval is given, the lease sweeper.
 *
 * <p>This class is thread-safe.
 */
public final class DiscoveryService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryService.class);

  private final DefaultAgentRegistry registry;
  private final ExecutorService healthExecutor;
  private final @Nullable ScheduledExecutorService sweeper;

  private DiscoveryService(
      DefaultAgentRegistry registry,
      ExecutorService healthExecutor,
      @Nullable ScheduledExecutorService sweeper) {
    this.registry = registry;
    this.healthExecutor = healthExecutor;
    this.sweeper = sweeper;
  }

  /**
   * Builds the registry over {@code store} and loads its records.
   *
   * @param cacheStrategy creates the result cache; null when caching is off
   * @param probe checks agent health; null when none is installed
   * @param sweepInterval how often expired leases are swept; null to leave sweeping to the caller
   *     through {@link DefaultAgentRegistry#expireLeases()}
   */
  public static DiscoveryService start(
      RecordStore store,
      String storeName,
      RegistrySettings settings,
      @Nullable CacheStrategy cacheStrategy,
      @Nullable AgentHealthProbe probe,
      Clock clock,
      Metrics metrics,
      @Nullable Duration sweepInterval) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(metrics, "metrics");

    AgentIndex index = new AgentIndex();
    RuntimeCache<AgentQuery, Evaluation> cache = null;
    if (settings.cacheEnabled() && cacheStrategy != null) {
      cache =
          cacheStrategy.create(
              new CacheSettings("discovery.queries", settings.cacheMaxSize(), settings.cacheTtl()));
    }
    ExecutorService healthExecutor =
        Executors.newFixedThreadPool(
            settings.healthParallelism(), daemonThreads("ossp-discovery-health"));
    HealthTracker health =
        new HealthTracker(
            probe,
            healthExecutor,
            settings.healthParallelism(),
            settings.healthTimeout(),
            settings.healthTtl(),
            clock,
            metrics);
    QueryService queries = new QueryService(index, settings, cache, health, clock, metrics);
    DefaultAgentRegistry registry;
    try {
      registry =
          new DefaultAgentRegistry(store, storeName, settings, index, queries, clock, metrics);
    } catch (RuntimeException e) {
      healthExecutor.shutdownNow();
      throw e;
    }
    ScheduledExecutorService sweeper = null;
    if (sweepInterval != null) {
      sweeper = Executors.newSingleThreadScheduledExecutor(daemonThreads("ossp-discovery-leases"));
      long period = sweepInterval.toMillis();
      sweeper.scheduleWithFixedDelay(
          () -> {
            try {
              registry.expireLeases();
            } catch (RuntimeException e) {
              LOG.warn("lease sweep failed; retrying in {} ms", period, e);
            }
          },
          period,
          period,
          TimeUnit.MILLISECONDS);
    }
    return new DiscoveryService(registry, healthExecutor, sweeper);
  }

  /** The registry. */
  public DefaultAgentRegistry registry() {
    return registry;
  }

  /** Stops the threads and closes the registry and its store. */
  @Override
  public void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    healthExecutor.shutdownNow();
    registry.close();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
