package dev.ossp.runtime.discovery.internal.query;

import dev.ossp.runtime.discovery.AgentHealth;
import dev.ossp.runtime.discovery.AgentHealthProbe;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import dev.ossp.runtime.urn.AgentUrn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes agents' health for query results and remembers the latest result per agent for the health
 * TTL. Results live only here: they are never written into registry records.
 *
 * <p>Probes for one page run in parallel, at most {@code parallelism} at a time, each bounded by
 * the timeout; a probe that has not finished by then counts as unhealthy and is cancelled. Without
 * a probe, every agent's health is unknown.
 *
 * <p>This class is thread-safe.
 */
public final class HealthTracker {
  private static final Logger LOG = LoggerFactory.getLogger(HealthTracker.class);

  private final @Nullable AgentHealthProbe probe;
  private final ExecutorService executor;
  private final Semaphore permits;
  private final Duration timeout;
  private final Duration ttl;
  private final Clock clock;
  private final ConcurrentHashMap<AgentUrn, AgentHealth> latest = new ConcurrentHashMap<>();
  private final Metrics.Counter healthy;
  private final Metrics.Counter unhealthy;

  /**
   * Creates a tracker.
   *
   * @param probe the probe, or null when none is installed
   * @param executor runs the probe calls; owned by the caller
   */
  public HealthTracker(
      @Nullable AgentHealthProbe probe,
      ExecutorService executor,
      int parallelism,
      Duration timeout,
      Duration ttl,
      Clock clock,
      Metrics metrics) {
    this.probe = probe;
    this.executor = executor;
    this.permits = new Semaphore(parallelism);
    this.timeout = timeout;
    this.ttl = ttl;
    this.clock = clock;
    this.healthy = metrics.counter("ossp.discovery.health.probes", Tags.of("status", "healthy"));
    this.unhealthy =
        metrics.counter("ossp.discovery.health.probes", Tags.of("status", "unhealthy"));
  }

  /** Returns the latest known status of {@code urn}; {@code UNKNOWN} when never probed. */
  public AgentHealth.Status status(AgentUrn urn) {
    AgentHealth health = latest.get(urn);
    return health == null ? AgentHealth.Status.UNKNOWN : health.status();
  }

  /** Forgets an agent's health, when it is deregistered or changed. */
  public void forget(AgentUrn urn) {
    latest.remove(urn);
  }

  /**
   * Returns the health of each agent, probing those without a result younger than the TTL. Waits at
   * most about the timeout.
   */
  public Map<AgentUrn, AgentHealth> healthOf(List<AgentRecord> agents) {
    Instant now = clock.instant();
    Map<AgentUrn, AgentHealth> result = new LinkedHashMap<>();
    if (probe == null) {
      for (AgentRecord agent : agents) {
        result.put(agent.urn(), AgentHealth.unknown(now, "no health probe is installed"));
      }
      return result;
    }
    Map<AgentUrn, CompletableFuture<AgentHealth>> running = new LinkedHashMap<>();
    for (AgentRecord agent : agents) {
      AgentHealth known = latest.get(agent.urn());
      if (known != null && known.checkedAt().plus(ttl).isAfter(now)) {
        result.put(agent.urn(), known);
      } else {
        running.put(agent.urn(), start(agent));
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Map.Entry<AgentUrn, CompletableFuture<AgentHealth>> entry : running.entrySet()) {
      AgentHealth health = await(entry.getKey(), entry.getValue(), deadline);
      latest.put(entry.getKey(), health);
      (health.status() == AgentHealth.Status.HEALTHY ? healthy : unhealthy).increment();
      result.put(entry.getKey(), health);
    }
    return result;
  }

  private CompletableFuture<AgentHealth> start(AgentRecord agent) {
    AgentHealthProbe installed = probe;
    long started = System.nanoTime();
    CompletableFuture<AgentHealth> future = new CompletableFuture<>();
    executor.execute(
        () -> {
          boolean acquired = false;
          try {
            acquired = permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!acquired || future.isDone()) {
              future.complete(unhealthyNow(started, "no probe slot free within the timeout"));
              return;
            }
            CompletionStage<AgentHealth> stage = installed.probe(agent, timeout);
            CompletableFuture<AgentHealth> probeFuture = stage.toCompletableFuture();
            future.whenComplete((value, error) -> probeFuture.cancel(true));
            AgentHealth health = probeFuture.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            future.complete(health);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.complete(unhealthyNow(started, "probe was interrupted"));
          } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            future.complete(unhealthyNow(started, "probe failed: " + cause));
          } catch (TimeoutException e) {
            future.complete(unhealthyNow(started, timedOut()));
          } catch (RuntimeException e) {
            LOG.warn("health probe of '{}' threw", agent.urn(), e);
            future.complete(unhealthyNow(started, "probe failed: " + e));
          } finally {
            if (acquired) {
              permits.release();
            }
          }
        });
    return future;
  }

  private AgentHealth await(AgentUrn urn, CompletableFuture<AgentHealth> future, long deadline) {
    long remaining = deadline - System.nanoTime();
    try {
      // Allow a little past the timeout for the probe thread to record its own timeout result.
      return future.get(
          Math.max(remaining, 0) + TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      LOG.debug("health probe of '{}' timed out", urn);
      return AgentHealth.unhealthy(clock.instant(), null, timedOut());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return AgentHealth.unhealthy(clock.instant(), null, "interrupted while waiting for probe");
    } catch (ExecutionException e) {
      return AgentHealth.unhealthy(clock.instant(), null, "probe failed: " + e.getCause());
    }
  }

  private AgentHealth unhealthyNow(long startedNanos, String detail) {
    return AgentHealth.unhealthy(
        clock.instant(), Duration.ofNanos(System.nanoTime() - startedNanos), detail);
  }

  private String timedOut() {
    return "probe timed out after " + timeout.toMillis() + " ms";
  }

  /** The agents with a remembered result, for tests and diagnostics. */
  List<AgentUrn> known() {
    return new ArrayList<>(latest.keySet());
  }
}
