package dev.ossp.runtime.mcp.internal.pool;

import dev.ossp.runtime.backoff.BackoffStrategy;
import dev.ossp.runtime.error.CircuitOpenException;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpClientOptions;
import dev.ossp.runtime.mcp.McpConnectionClosedException;
import dev.ossp.runtime.mcp.McpConnectionState;
import dev.ossp.runtime.mcp.McpPool;
import dev.ossp.runtime.mcp.McpPoolStats;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.client.ClientResources;
import dev.ossp.runtime.mcp.internal.client.DefaultMcpClient;
import dev.ossp.runtime.mcp.internal.client.DefaultMcpConnector;
import dev.ossp.runtime.mcp.internal.pool.ServerEntry.Tracked;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import dev.ossp.runtime.pool.PoolController;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link McpPool}: connections per server id, opened on demand, reused, evicted when idle or to
 * make room, checked with {@code ping}, and reopened after a crash with backoff behind a per-server
 * breaker. The limits come from a {@link PoolController}; the breakers from the resilience
 * component's registry (named {@code mcp:<server id>}) when installed, otherwise from a built-in
 * crash-loop breaker.
 *
 * <p>Thread-safe. One lock guards the pool's structure; it is never held while a request is sent or
 * a connection closes.
 */
public final class DefaultMcpPool implements McpPool {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultMcpPool.class);

  private final DefaultMcpConnector connector;
  private final ClientResources resources;
  private final PoolController controller;
  private final BackoffStrategy backoff;
  private final PoolOptions options;
  private final Optional<CircuitBreakerRegistry> breakers;
  private final RandomGenerator random;
  private final Object lock = new Object();
  private final Map<String, ServerEntry> servers = new LinkedHashMap<>();
  private final AtomicLong created = new AtomicLong();
  private final AtomicLong reused = new AtomicLong();
  private final AtomicLong closedCount = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong restarts = new AtomicLong();
  private final AtomicInteger waiting = new AtomicInteger();
  private volatile boolean closed;
  private volatile @Nullable ScheduledFuture<?> maintenanceTask;

  /**
   * Creates a pool; call {@link #start()} to run maintenance on a schedule.
   *
   * @param backoff the restart delays; null for the built-in exponential backoff with jitter
   * @param breakers the resilience breakers, when that component is installed
   */
  public DefaultMcpPool(
      DefaultMcpConnector connector,
      PoolController controller,
      @Nullable BackoffStrategy backoff,
      PoolOptions options,
      Optional<CircuitBreakerRegistry> breakers,
      RandomGenerator random) {
    this.connector = Objects.requireNonNull(connector, "connector");
    this.resources = connector.resources();
    this.controller = Objects.requireNonNull(controller, "controller");
    this.backoff = backoff == null ? new ExponentialJitterBackoff() : backoff;
    this.options = Objects.requireNonNull(options, "options");
    this.breakers = Objects.requireNonNull(breakers, "breakers");
    this.random = Objects.requireNonNull(random, "random");
    registerGauges(resources.metrics());
  }

  /** Returns the controller whose limits the pool follows; {@link FixedLimits} for fixed ones. */
  public static PoolController fixedLimits(dev.ossp.runtime.pool.PoolSettings settings) {
    return new FixedLimits(settings);
  }

  /** Schedules maintenance (idle eviction, health checks) every maintenance interval. */
  public void start() {
    long period = options.maintenanceInterval().toNanos();
    maintenanceTask =
        resources
            .scheduler()
            .scheduleWithFixedDelay(this::maintainSafely, period, period, TimeUnit.NANOSECONDS);
  }

  private void registerGauges(Metrics metrics) {
    metrics.gauge("ossp.mcp.processes", Tags.empty(), () -> countConnections(true, null));
    metrics.gauge("ossp.mcp.pool.leased", Tags.empty(), () -> countConnections(false, true));
    metrics.gauge("ossp.mcp.pool.available", Tags.empty(), () -> countConnections(false, false));
    metrics.gauge("ossp.mcp.pool.pending", Tags.empty(), waiting::get);
  }

  private double countConnections(boolean processesOnly, @Nullable Boolean busy) {
    int count = 0;
    synchronized (lock) {
      for (ServerEntry entry : servers.values()) {
        for (Tracked tracked : entry.connections) {
          if (processesOnly && !tracked.client.isProcess()) {
            continue;
          }
          if (busy != null && (tracked.client.inFlight() > 0) != busy) {
            continue;
          }
          count++;
        }
      }
    }
    return count;
  }

  @Override
  public void register(McpServerSpec spec, McpClientOptions clientOptions) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(clientOptions, "clientOptions");
    checkOpen();

    ServerEntry replaced;
    ServerEntry entry = new ServerEntry(spec, clientOptions, breakerFor(spec.id()));
    synchronized (lock) {
      replaced = servers.put(spec.id(), entry);
      if (replaced != null) {
        replaced.removed = true;
      }
    }
    if (replaced != null) {
      LOG.info("MCP server '{}' re-registered; closing the connections of its old spec", spec.id());
      closeAll(replaced);
    } else {
      resources
          .metrics()
          .gauge("ossp.mcp.in_flight", Tags.of("server", spec.id()), () -> inFlightOf(spec.id()));
    }
  }

  private ServerBreaker breakerFor(String serverId) {
    String name = "mcp:" + serverId;
    return breakers
        .<ServerBreaker>map(registry -> new ResilienceServerBreaker(registry.circuitBreaker(name)))
        .orElseGet(
            () ->
                new CrashLoopBreaker(
                    name,
                    options.crashLoopThreshold(),
                    options.crashLoopOpenDuration(),
                    resources.clock()));
  }

  private double inFlightOf(String serverId) {
    synchronized (lock) {
      ServerEntry entry = servers.get(serverId);
      if (entry == null) {
        return 0;
      }
      int total = 0;
      for (Tracked tracked : entry.connections) {
        total += tracked.client.inFlight();
      }
      return total;
    }
  }

  @Override
  public boolean unregister(String serverId) {
    Objects.requireNonNull(serverId, "serverId");

    ServerEntry entry;
    synchronized (lock) {
      entry = servers.remove(serverId);
      if (entry == null) {
        return false;
      }
      entry.removed = true;
    }
    closeAll(entry);
    return true;
  }

  @Override
  public Set<String> serverIds() {
    synchronized (lock) {
      return Set.copyOf(servers.keySet());
    }
  }

  @Override
  public Optional<McpServerSpec> spec(String serverId) {
    Objects.requireNonNull(serverId, "serverId");

    synchronized (lock) {
      ServerEntry entry = servers.get(serverId);
      return entry == null ? Optional.empty() : Optional.of(entry.spec);
    }
  }

  @Override
  public CompletableFuture<McpClient> acquire(String serverId) {
    return acquireClient(serverId).thenApply(Function.identity());
  }

  /** Acquires and returns the implementation type. */
  public CompletableFuture<DefaultMcpClient> acquireClient(String serverId) {
    Objects.requireNonNull(serverId, "serverId");

    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("the MCP pool is closed"));
    }
    CompletableFuture<DefaultMcpClient> opening;
    synchronized (lock) {
      ServerEntry entry = servers.get(serverId);
      if (entry == null) {
        return CompletableFuture.failedFuture(
            new IllegalArgumentException(
                "unknown MCP server '"
                    + serverId
                    + "'; registered servers: "
                    + new TreeSet<>(servers.keySet())));
      }
      Tracked best = entry.leastLoaded();
      int limit = controller.maxPerKey(serverId);
      int count = entry.connections.size() + (entry.opening == null ? 0 : 1);
      if (best != null && (best.client.inFlight() == 0 || count >= limit)) {
        reused.incrementAndGet();
        return CompletableFuture.completedFuture(best.client);
      }
      if (entry.opening != null) {
        if (best != null) {
          reused.incrementAndGet();
          return CompletableFuture.completedFuture(best.client);
        }
        opening = entry.opening;
      } else {
        CompletableFuture<DefaultMcpClient> started = startOpening(entry, best != null);
        if (started == null) {
          reused.incrementAndGet();
          return CompletableFuture.completedFuture(Objects.requireNonNull(best).client);
        }
        opening = started;
      }
    }
    return waitFor(serverId, opening);
  }

  private CompletableFuture<DefaultMcpClient> waitFor(
      String serverId, CompletableFuture<DefaultMcpClient> opening) {
    long start = System.nanoTime();
    waiting.incrementAndGet();
    return opening.whenComplete(
        (client, error) -> {
          waiting.decrementAndGet();
          controller.recordLeaseWait(serverId, Duration.ofNanos(System.nanoTime() - start));
        });
  }

  /**
   * Starts opening a connection for {@code entry}, under the lock. Returns null when it cannot and
   * {@code haveFallback} allows an existing connection to serve instead; otherwise a failed future
   * gives the reason.
   */
  private @Nullable CompletableFuture<DefaultMcpClient> startOpening(
      ServerEntry entry, boolean haveFallback) {
    if (!entry.breaker.tryAcquirePermission()) {
      if (haveFallback) {
        return null;
      }
      return CompletableFuture.failedFuture(
          new CircuitOpenException(entry.breaker.name(), entry.breaker.untilNextProbe()));
    }
    if (totalConnections() >= controller.maxTotal() && !evictLeastRecentlyUsed(entry)) {
      entry.breaker.releasePermission();
      if (haveFallback) {
        return null;
      }
      return CompletableFuture.failedFuture(
          new OsspException(
              ErrorKind.RATE_LIMITED,
              "the MCP pool is full: "
                  + controller.maxTotal()
                  + " connections, all with requests in flight; raise mcp.pool.max-processes or"
                  + " retry later"));
    }
    CompletableFuture<DefaultMcpClient> opening = new CompletableFuture<>();
    entry.opening = opening;
    long delayNanos =
        entry.notBeforeNanos == Long.MIN_VALUE ? 0 : entry.notBeforeNanos - System.nanoTime();
    Runnable connect =
        () -> {
          CompletableFuture<DefaultMcpClient> attempt;
          try {
            attempt = connector.connectClient(entry.spec, entry.options);
          } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
          }
          attempt.whenComplete((client, error) -> onOpened(entry, opening, client, error));
        };
    if (delayNanos > 0) {
      LOG.debug(
          "MCP server '{}' opens in {} ms (backoff)", entry.spec.id(), delayNanos / 1_000_000);
      resources
          .scheduler()
          .schedule(() -> resources.executor().execute(connect), delayNanos, TimeUnit.NANOSECONDS);
    } else {
      resources.executor().execute(connect);
    }
    return opening;
  }

  private int totalConnections() {
    int total = 0;
    for (ServerEntry entry : servers.values()) {
      total += entry.connections.size() + (entry.opening == null ? 0 : 1);
    }
    return total;
  }

  /**
   * Closes the least recently used connection without requests in flight, preferring servers other
   * than {@code requester}; under the lock. Returns false if every connection is busy.
   */
  private boolean evictLeastRecentlyUsed(ServerEntry requester) {
    ServerEntry victimEntry = null;
    Tracked victim = null;
    for (ServerEntry entry : servers.values()) {
      for (Tracked tracked : entry.connections) {
        if (tracked.client.inFlight() > 0) {
          continue;
        }
        if (victim == null
            || tracked.client.lastActivityMillis() < victim.client.lastActivityMillis()) {
          victim = tracked;
          victimEntry = entry;
        }
      }
    }
    if (victim == null) {
      return false;
    }
    LOG.info(
        "MCP pool is full; closing the least recently used connection to '{}' to open '{}'",
        victimEntry.spec.id(),
        requester.spec.id());
    closeByPool(victimEntry, victim);
    return true;
  }

  private void onOpened(
      ServerEntry entry,
      CompletableFuture<DefaultMcpClient> opening,
      @Nullable DefaultMcpClient client,
      @Nullable Throwable error) {
    boolean discard;
    synchronized (lock) {
      entry.opening = null;
      if (error != null) {
        Throwable cause = unwrap(error);
        failed.incrementAndGet();
        entry.breaker.onError(Duration.ZERO, cause);
        scheduleBackoff(entry);
        LOG.warn(
            "opening MCP server '{}' failed (attempt {} in a row): {}",
            entry.spec.id(),
            entry.consecutiveFailures,
            cause.getMessage());
        opening.completeExceptionally(cause);
        return;
      }
      Objects.requireNonNull(client);
      discard = closed || entry.removed;
      if (!discard) {
        Tracked tracked = new Tracked(client, resources.clock().millis());
        entry.connections.add(tracked);
        created.incrementAndGet();
        client.recordPoolHistory(entry.consecutiveFailures, entry.lastExitCode);
        client.whenClosed().thenRun(() -> onConnectionClosed(entry, tracked));
      } else {
        entry.breaker.releasePermission();
      }
    }
    if (discard) {
      resources.executor().execute(client::close);
      opening.completeExceptionally(
          new IllegalStateException(
              "MCP server '" + entry.spec.id() + "' was unregistered or the pool closed"));
      return;
    }
    opening.complete(client);
  }

  private void scheduleBackoff(ServerEntry entry) {
    entry.consecutiveFailures++;
    Duration delay =
        backoff.delay(entry.consecutiveFailures, entry.lastDelay, options.backoff(), random);
    entry.lastDelay = delay;
    entry.notBeforeNanos = System.nanoTime() + delay.toNanos();
  }

  private void onConnectionClosed(ServerEntry entry, Tracked tracked) {
    boolean reconnect = false;
    synchronized (lock) {
      if (!entry.connections.remove(tracked)) {
        return;
      }
      closedCount.incrementAndGet();
      Duration lifetime = lifetimeOf(tracked);
      if (tracked.closingByPool || tracked.client.closedByClient()) {
        reportStable(entry, tracked, lifetime);
        return;
      }
      McpConnectionState state = tracked.client.state();
      entry.lastExitCode = state.lastExitCode();
      McpConnectionClosedException crash =
          new McpConnectionClosedException(
              entry.spec.id(), null, "the server went away", state.lastExitCode(), List.of());
      if (!tracked.outcomeReported) {
        tracked.outcomeReported = true;
        entry.breaker.onError(lifetime, crash);
      } else if (entry.breaker.tryAcquirePermission()) {
        entry.breaker.onError(lifetime, crash);
      }
      if (lifetime.compareTo(options.stableAfter()) >= 0) {
        entry.consecutiveFailures = 0;
        entry.lastDelay = Duration.ZERO;
      }
      scheduleBackoff(entry);
      restarts.incrementAndGet();
      resources
          .metrics()
          .counter("ossp.mcp.restarts", Tags.of("server", entry.spec.id()))
          .increment();
      LOG.warn(
          "MCP server '{}' went away after {} ms (exit code {}); restarting it in {} ms (restart {}"
              + " in a row)",
          entry.spec.id(),
          lifetime.toMillis(),
          state.lastExitCode(),
          entry.lastDelay.toMillis(),
          entry.consecutiveFailures);
      reconnect = !closed && !entry.removed;
    }
    if (reconnect) {
      reopen(entry);
    }
  }

  private void reopen(ServerEntry entry) {
    synchronized (lock) {
      if (closed || entry.removed || entry.opening != null || entry.leastLoaded() != null) {
        return;
      }
      CompletableFuture<DefaultMcpClient> opening = startOpening(entry, true);
      if (opening == null) {
        LOG.warn(
            "not restarting MCP server '{}' now: circuit '{}' is open or the pool is full",
            entry.spec.id(),
            entry.breaker.name());
        return;
      }
      opening.exceptionally(error -> null);
    }
  }

  private void reportStable(ServerEntry entry, Tracked tracked, Duration lifetime) {
    if (tracked.outcomeReported) {
      return;
    }
    tracked.outcomeReported = true;
    entry.breaker.onSuccess(lifetime);
    entry.consecutiveFailures = 0;
    entry.lastDelay = Duration.ZERO;
    entry.notBeforeNanos = Long.MIN_VALUE;
  }

  private Duration lifetimeOf(Tracked tracked) {
    return Duration.ofMillis(Math.max(0, resources.clock().millis() - tracked.openedMillis));
  }

  /** Closes a connection on the pool's behalf, under the lock; the close runs on the executor. */
  private void closeByPool(ServerEntry entry, Tracked tracked) {
    tracked.closingByPool = true;
    resources.executor().execute(tracked.client::close);
  }

  private void closeAll(ServerEntry entry) {
    List<Tracked> toClose;
    synchronized (lock) {
      toClose = new ArrayList<>(entry.connections);
      toClose.forEach(tracked -> tracked.closingByPool = true);
    }
    closeInParallel(toClose);
  }

  private void closeInParallel(List<Tracked> toClose) {
    List<CompletableFuture<Void>> closes = new ArrayList<>();
    for (Tracked tracked : toClose) {
      closes.add(CompletableFuture.runAsync(tracked.client::close, resources.executor()));
    }
    CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).join();
  }

  /**
   * Runs one round of maintenance now: closes connections idle longer than the idle timeout, pings
   * connections unused for the health check interval and replaces those that fail, reports stable
   * connections to the breakers, and lets the controller re-evaluate limits.
   */
  public void runMaintenance() {
    long now = resources.clock().millis();
    List<Tracked> toPing = new ArrayList<>();
    Map<Tracked, ServerEntry> owners = new LinkedHashMap<>();
    synchronized (lock) {
      long idleMillis = controller.idleTimeout().toMillis();
      for (ServerEntry entry : servers.values()) {
        int leased = 0;
        int idle = 0;
        for (Tracked tracked : List.copyOf(entry.connections)) {
          int inFlight = tracked.client.inFlight();
          if (inFlight > 0) {
            leased++;
          } else {
            idle++;
          }
          if (!tracked.outcomeReported
              && lifetimeOf(tracked).compareTo(options.stableAfter()) >= 0
              && tracked.client.isConnected()) {
            reportStable(entry, tracked, lifetimeOf(tracked));
          }
          long unused = now - tracked.client.lastActivityMillis();
          if (inFlight == 0 && unused >= idleMillis && !tracked.closingByPool) {
            LOG.info(
                "closing the connection to MCP server '{}': idle for {} ms",
                entry.spec.id(),
                unused);
            closeByPool(entry, tracked);
          } else if (inFlight == 0
              && unused >= options.healthCheckInterval().toMillis()
              && tracked.client.isConnected()) {
            toPing.add(tracked);
            owners.put(tracked, entry);
          }
          if (tracked.client.isProcess()) {
            tracked.client.refreshDescendants();
          }
        }
        controller.recordUsage(entry.spec.id(), leased, idle);
      }
    }
    controller.evaluate(Instant.ofEpochMilli(now));
    for (Tracked tracked : toPing) {
      tracked
          .client
          .ping(options.healthCheckTimeout())
          .whenComplete(
              (roundTrip, error) -> {
                if (error != null) {
                  replaceUnhealthy(owners.get(tracked), tracked, unwrap(error));
                }
              });
    }
  }

  private void maintainSafely() {
    try {
      runMaintenance();
    } catch (RuntimeException e) {
      LOG.error("MCP pool maintenance failed", e);
    }
  }

  private void replaceUnhealthy(ServerEntry entry, Tracked tracked, Throwable error) {
    synchronized (lock) {
      if (!entry.connections.remove(tracked)) {
        return;
      }
      closedCount.incrementAndGet();
      tracked.closingByPool = true;
      if (!tracked.outcomeReported) {
        tracked.outcomeReported = true;
        entry.breaker.onError(lifetimeOf(tracked), error);
      }
      restarts.incrementAndGet();
      resources
          .metrics()
          .counter("ossp.mcp.restarts", Tags.of("server", entry.spec.id()))
          .increment();
      LOG.warn(
          "MCP server '{}' failed its health check ({}); replacing the connection",
          entry.spec.id(),
          error.getMessage());
      resources.executor().execute(tracked.client::close);
    }
    reopen(entry);
  }

  @Override
  public CompletableFuture<McpToolResult> callTool(String serverId, McpToolCall call) {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(call, "call");

    return new PooledToolCall(this, serverId, call, options.toolCallAttempts()).start();
  }

  @Override
  public List<McpConnectionState> connections() {
    List<McpConnectionState> states = new ArrayList<>();
    synchronized (lock) {
      for (ServerEntry entry : servers.values()) {
        for (Tracked tracked : entry.connections) {
          states.add(tracked.client.state());
        }
      }
    }
    return states;
  }

  @Override
  public McpPoolStats stats() {
    int active = 0;
    int idle = 0;
    synchronized (lock) {
      for (ServerEntry entry : servers.values()) {
        for (Tracked tracked : entry.connections) {
          if (tracked.client.inFlight() > 0) {
            active++;
          } else {
            idle++;
          }
        }
      }
    }
    return new McpPoolStats(
        created.get(), reused.get(), closedCount.get(), failed.get(), restarts.get(), active, idle);
  }

  /**
   * Returns the pool's state for the diagnostics report: the connection limit, the acquisitions
   * waiting for a connection to open, and per registered server what {@link ServerDiagnostics}
   * describes. Holds the pool's lock while it reads, and sends nothing to any server.
   */
  public Map<String, Object> diagnostics() {
    Map<String, Object> described = new LinkedHashMap<>();
    synchronized (lock) {
      long nowNanos = System.nanoTime();
      for (ServerEntry entry : servers.values()) {
        String id = entry.spec.id();
        described.put(id, ServerDiagnostics.describe(entry, controller.maxPerKey(id), nowNanos));
      }
    }
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("maxConnections", controller.maxTotal());
    stats.put("pendingAcquisitions", waiting.get());
    stats.put("servers", described);
    return stats;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    ScheduledFuture<?> task = maintenanceTask;
    if (task != null) {
      task.cancel(false);
    }
    List<Tracked> toClose = new ArrayList<>();
    synchronized (lock) {
      for (ServerEntry entry : servers.values()) {
        for (Tracked tracked : entry.connections) {
          tracked.closingByPool = true;
          toClose.add(tracked);
        }
      }
    }
    closeInParallel(toClose);
    LOG.info("MCP pool closed ({} connections)", toClose.size());
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the MCP pool is closed");
    }
  }

  static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
