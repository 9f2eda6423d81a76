package dev.ossp.runtime.mcp.internal;

import dev.ossp.runtime.backoff.BackoffStrategy;
import dev.ossp.runtime.component.ComponentBinder;
import dev.ossp.runtime.component.ComponentContext;
import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.mcp.McpConnector;
import dev.ossp.runtime.mcp.McpPool;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.internal.client.ClientResources;
import dev.ossp.runtime.mcp.internal.client.DefaultMcpConnector;
import dev.ossp.runtime.mcp.internal.http.StreamableHttpTransport;
import dev.ossp.runtime.mcp.internal.pool.DefaultMcpPool;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import dev.ossp.runtime.pool.PoolController;
import dev.ossp.runtime.pool.PoolingStrategy;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import dev.ossp.runtime.spi.Strategies;
import dev.ossp.runtime.spi.StrategyKind;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code mcp} component: binds {@link McpPool} and {@link McpConnector}, and at start builds
 * the pool from {@code mcp.pool.*} with the selected pooling and backoff strategies, the resilience
 * component's breakers when it is installed, and registers every server configured under {@code
 * mcp.servers.*}. Servers start on first use, not at startup. Its entry in the diagnostics report
 * is {@link McpDiagnosticsSource}.
 */
public final class McpComponent implements RuntimeComponent {
  /** The component's name, also the name of its entry in the diagnostics report. */
  static final String NAME = "mcp";

  private static final Logger LOG = LoggerFactory.getLogger(McpComponent.class);

  private final McpServices services = new McpServices();
  private volatile @Nullable DefaultMcpPool pool;
  private volatile @Nullable ClientResources resources;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> after() {
    return Set.of("metrics", "resilience");
  }

  @Override
  public List<ConfigKey<?>> configKeys() {
    return McpConfigKeys.ALL;
  }

  @Override
  public void configure(ComponentBinder binder) {
    binder.bindInstance(McpPool.class, services);
    binder.bindInstance(McpConnector.class, services);
    binder.bindInstance(McpServices.class, services);
    binder.addToSet(DiagnosticsSource.class, McpDiagnosticsSource.class);
  }

  @Override
  public void start(ComponentContext context) {
    RuntimeConfig config = context.config();
    List<McpServerSpec> specs = McpConfigKeys.servers(config);
    Optional<Strategies> strategies = context.find(Strategies.class);
    PoolController controller =
        strategies
            .filter(found -> !found.names(StrategyKind.POOLING).isEmpty())
            .map(found -> found.selected(StrategyKind.POOLING))
            .map((PoolingStrategy strategy) -> strategy.create(McpConfigKeys.poolSettings(config)))
            .orElseGet(() -> DefaultMcpPool.fixedLimits(McpConfigKeys.poolSettings(config)));
    // Backoff strategies come with the resilience module; without it the pool's built-in
    // exponential backoff applies.
    BackoffStrategy backoff =
        strategies
            .filter(found -> !found.names(StrategyKind.BACKOFF).isEmpty())
            .map(found -> found.selected(StrategyKind.BACKOFF))
            .orElse(null);
    Optional<CircuitBreakerRegistry> breakers = context.find(CircuitBreakerRegistry.class);
    Clock clock = context.find(Clock.class).orElse(Clock.systemUTC());
    ClientResources started = ClientResources.create(clock, context.metrics(), System.getenv());
    DefaultMcpConnector connector =
        new DefaultMcpConnector(
            started,
            spec -> new StreamableHttpTransport(spec, started.executor(), started.scheduler()));
    DefaultMcpPool startedPool =
        new DefaultMcpPool(
            connector,
            controller,
            backoff,
            McpConfigKeys.poolOptions(config),
            breakers,
            new SecureRandom());
    for (McpServerSpec spec : specs) {
      startedPool.register(spec);
    }
    startedPool.start();
    resources = started;
    pool = startedPool;
    services.attach(startedPool, connector);
    LOG.info(
        "mcp started with {} configured servers {}; pool limit {} connections, backoff {},"
            + " breakers {}",
        specs.size(),
        startedPool.serverIds(),
        controller.maxTotal(),
        backoff == null ? "built-in" : backoff.name(),
        breakers.isPresent() ? "from resilience" : "built-in");
  }

  @Override
  public void stop() {
    services.detach();
    DefaultMcpPool running = pool;
    pool = null;
    if (running != null) {
      running.close();
    }
    ClientResources shared = resources;
    resources = null;
    if (shared != null) {
      shared.close();
    }
    LOG.info("mcp stopped");
  }

  @Override
  public ComponentHealth health() {
    return services.health();
  }

  @Override
  public boolean critical() {
    return false;
  }
}
