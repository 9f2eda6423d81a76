package dev.ossp.runtime.a2a.internal;

import dev.ossp.runtime.a2a.A2aClient;
import dev.ossp.runtime.a2a.AgentHttpClient;
import dev.ossp.runtime.a2a.internal.agent.NodeAgentRoutes;
import dev.ossp.runtime.component.ComponentBinder;
import dev.ossp.runtime.component.ComponentContext;
import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.discovery.AgentHealthProbe;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import dev.ossp.runtime.node.RouteProvider;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code a2a} component: binds {@link AgentHttpClient}, {@link A2aClient} and discovery's
 * {@link AgentHealthProbe} to one set of {@link A2aServices}, and adds the node's own A2A agent
 * routes. Starts after {@code resilience}, {@code discovery} and {@code metrics} when they are
 * installed; works without them. Contributes {@link A2aDiagnosticsSource} to the diagnostics
 * report.
 */
public final class A2aComponent implements RuntimeComponent {
  private static final Logger LOG = LoggerFactory.getLogger(A2aComponent.class);

  private volatile @Nullable A2aServices services;

  @Override
  public String name() {
    return "a2a";
  }

  @Override
  public Set<String> after() {
    return Set.of("resilience", "discovery", "metrics");
  }

  @Override
  public List<ConfigKey<?>> configKeys() {
    return A2aConfigKeys.ALL;
  }

  @Override
  public void configure(ComponentBinder binder) {
    binder.bind(A2aServices.class, A2aServices.class);
    binder.bindProvider(AgentHttpClient.class, HttpClientProvider.class);
    binder.bindProvider(A2aClient.class, A2aClientProvider.class);
    binder.bindProvider(AgentHealthProbe.class, ProbeProvider.class);
    binder.addToSet(RouteProvider.class, NodeAgentRoutes.class);
    // The injector does not create this instance, so binding it lets the diagnostics source read
    // the same live services and health as the runtime does.
    binder.bindInstance(A2aComponent.class, this);
    binder.addToSet(DiagnosticsSource.class, A2aDiagnosticsSource.class);
  }

  @Override
  public void start(ComponentContext context) {
    services = context.instance(A2aServices.class);
    LOG.info("a2a component started");
  }

  @Override
  public void stop() {
    A2aServices running = services;
    services = null;
    if (running != null) {
      running.close();
      LOG.info("a2a component stopped; HTTP connections closed");
    }
  }

  /** Returns the services while the component runs, or null before start and after stop. */
  @Nullable A2aServices running() {
    return services;
  }

  @Override
  public ComponentHealth health() {
    A2aServices running = services;
    if (running == null) {
      return ComponentHealth.down("a2a is not running");
    }
    var transport = running.http().transport();
    return ComponentHealth.up()
        .withDetail("leasedConnections", transport.leased())
        .withDetail("idleConnections", transport.available())
        .withDetail("pendingLeases", transport.pending())
        .withDetail(
            "cachedResponses", running.http().cache().map(cache -> cache.size()).orElse(0L));
  }

  @Override
  public boolean critical() {
    return false;
  }

  /** Provides the agent HTTP client from the shared services. */
  public static final class HttpClientProvider implements Provider<AgentHttpClient> {
    private final A2aServices services;

    @Inject
    public HttpClientProvider(A2aServices services) {
      this.services = services;
    }

    @Override
    public AgentHttpClient get() {
      return services.http();
    }
  }

  /** Provides the A2A client from the shared services. */
  public static final class A2aClientProvider implements Provider<A2aClient> {
    private final A2aServices services;

    @Inject
    public A2aClientProvider(A2aServices services) {
      this.services = services;
    }

    @Override
    public A2aClient get() {
      return services.a2a();
    }
  }

  /** Provides the health probe from the shared services. */
  public static final class ProbeProvider implements Provider<AgentHealthProbe> {
    private final A2aServices services;

    @Inject
    public ProbeProvider(A2aServices services) {
      this.services = services;
    }

    @Override
    public AgentHealthProbe get() {
      return services.probe();
    }
  }
}
