package dev.ossp.runtime.a2a.internal;

import dev.ossp.runtime.a2a.internal.http.AuthProviders;
import dev.ossp.runtime.a2a.internal.http.ClientSettings;
import dev.ossp.runtime.a2a.internal.http.DefaultAgentHttpClient;
import dev.ossp.runtime.a2a.internal.http.HttpTransport;
import dev.ossp.runtime.a2a.internal.http.ResponseCache;
import dev.ossp.runtime.a2a.internal.protocol.DefaultA2aClient;
import dev.ossp.runtime.cache.CacheStrategy;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.discovery.AgentDirectory;
import dev.ossp.runtime.metrics.MetricCatalog;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import dev.ossp.runtime.pool.PoolingStrategy;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import dev.ossp.runtime.resilience.RetryRegistry;
import dev.ossp.runtime.spi.Strategies;
import dev.ossp.runtime.spi.StrategyKind;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The a2a component's shared services: one transport, one agent client, one A2A client and one
 * health probe per runtime, built from {@code a2a.*} and the installed strategies and registries.
 * Breakers, retries, discovery and caching are optional: without them calls run without breakers,
 * with the default retry configuration, by URL only, and uncached. Thread-safe.
 */
public final class A2aServices implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(A2aServices.class);

  private final ClientSettings settings;
  private final DefaultAgentHttpClient http;
  private final DefaultA2aClient a2a;
  private final HttpAgentHealthProbe probe;

  /** Builds the services; the runtime's injector calls this once. */
  @Inject
  public A2aServices(
      RuntimeConfig config,
      Strategies strategies,
      Clock clock,
      Metrics metrics,
      Optional<AgentDirectory> directory,
      Optional<CircuitBreakerRegistry> breakers,
      Optional<RetryRegistry> retries,
      Optional<PoolingStrategy> pooling,
      Optional<CacheStrategy> cache) {
    this.settings = A2aConfigKeys.settings(config);
    HttpTransport transport =
        new HttpTransport(settings, pooling.orElse(null), SystemDefaultDnsResolver.INSTANCE);
    ResponseCache responses =
        settings.cacheEnabled() && cache.isPresent()
            ? new ResponseCache(cache.get(), settings.cacheMaxSize(), settings.cacheMaxTtl())
            : null;
    this.http =
        DefaultAgentHttpClient.builder(transport)
            .directory(directory.orElse(null))
            .breakers(breakers.orElse(null))
            .retries(retries.orElse(null))
            .authProviders(AuthProviders.of(strategies))
            .backoffStrategies(name -> strategies.find(StrategyKind.BACKOFF, name))
            .cache(responses)
            .metrics(metrics)
            .clock(clock)
            .delegationAgent(config.find(A2aConfigKeys.DELEGATION_AGENT).orElse(null))
            .build();
    this.a2a = new DefaultA2aClient(http);
    this.probe = new HttpAgentHealthProbe(http, settings, clock);
    metrics.gauge(MetricCatalog.A2A_POOL_LEASED.name(), Tags.empty(), transport::leased);
    metrics.gauge(MetricCatalog.A2A_POOL_AVAILABLE.name(), Tags.empty(), transport::available);
    metrics.gauge(MetricCatalog.A2A_POOL_PENDING.name(), Tags.empty(), transport::pending);
    LOG.info(
        "A2A client ready: pool {}/{} per route ({} strategy), timeouts connect {} response {}"
            + " lease {} deadline {}; breakers {}, retries {}, discovery {}, cache {}",
        settings.poolMaxTotal(),
        settings.poolMaxPerRoute(),
        pooling.map(PoolingStrategy::name).orElse("fixed"),
        settings.connectTimeout(),
        settings.responseTimeout(),
        settings.leaseTimeout(),
        settings.deadline(),
        breakers.isPresent() ? "on" : "off",
        retries.isPresent() ? "configured" : "defaults",
        directory.isPresent() ? "on" : "off",
        responses == null ? "off" : "on");
  }

  /** The agent HTTP client. */
  public DefaultAgentHttpClient http() {
    return http;
  }

  /** The A2A client. */
  public DefaultA2aClient a2a() {
    return a2a;
  }

  /** The health probe. */
  public HttpAgentHealthProbe probe() {
    return probe;
  }

  /** The settings. */
  public ClientSettings settings() {
    return settings;
  }

  /** Closes the probe's threads, the transport and its connections. */
  @Override
  public void close() {
    probe.close();
    http.close();
  }
}
