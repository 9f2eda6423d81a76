package dev.ossp.runtime.a2a.internal;

import dev.ossp.runtime.a2a.CallOptions;
import dev.ossp.runtime.a2a.internal.http.CallTarget;
import dev.ossp.runtime.a2a.internal.http.ClientSettings;
import dev.ossp.runtime.a2a.internal.http.DefaultAgentHttpClient;
import dev.ossp.runtime.discovery.AgentHealth;
import dev.ossp.runtime.discovery.AgentHealthProbe;
import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.error.OsspException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Discovery's {@link AgentHealthProbe}: a GET of the agent's health endpoint, or when its card
 * names none, of {@code a2a.health.path} (the agent card by default) at the origin of its
 * interfaces, the next one when connecting to one fails. Any 2xx response within the timeout is
 * healthy. Probes run on at most 8 daemon threads with at most 1000 waiting; a probe that finds the
 * queue full fails at once. Cancelling the returned stage interrupts the probe. Thread-safe.
 */
public final class HttpAgentHealthProbe implements AgentHealthProbe, AutoCloseable {
  private final DefaultAgentHttpClient http;
  private final ClientSettings settings;
  private final Clock clock;
  private final ThreadPoolExecutor executor;

  HttpAgentHealthProbe(DefaultAgentHttpClient http, ClientSettings settings, Clock clock) {
    this.http = Objects.requireNonNull(http, "http");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            8,
            8,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1000),
            runnable -> {
              Thread thread = new Thread(runnable, "ossp-a2a-probe-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
  }

  @Override
  public CompletionStage<AgentHealth> probe(AgentRecord agent, Duration timeout) {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(timeout, "timeout");

    Duration deadline =
        timeout.compareTo(settings.healthTimeout()) < 0 ? timeout : settings.healthTimeout();
    CallTarget target =
        new CallTarget(
            agent.urn().toString(),
            probeUrls(agent),
            http.overrideFor(agent.urn()),
            agent.securitySchemes());
    CompletableFuture<AgentHealth> result = new CompletableFuture<>();
    Future<?> task;
    try {
      task = executor.submit(() -> run(target, deadline, result));
    } catch (RejectedExecutionException e) {
      result.complete(AgentHealth.unhealthy(clock.instant(), null, "too many probes waiting"));
      return result;
    }
    result.whenComplete(
        (health, error) -> {
          if (result.isCancelled()) {
            task.cancel(true);
          }
        });
    return result;
  }

  private void run(CallTarget target, Duration deadline, CompletableFuture<AgentHealth> result) {
    long start = System.nanoTime();
    try {
      http.execute(
          target,
          CallOptions.builder()
              .deadline(
                  deadline.isZero() || deadline.isNegative() ? Duration.ofMillis(1) : deadline)
              .cacheable(false)
              .build());
      result.complete(
          AgentHealth.healthy(clock.instant(), Duration.ofNanos(System.nanoTime() - start)));
    } catch (OsspException e) {
      result.complete(
          AgentHealth.unhealthy(
              clock.instant(),
              Duration.ofNanos(System.nanoTime() - start),
              e.kind().code() + ": " + e.getMessage()));
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  /**
   * Returns the URLs a probe of {@code agent} tries in order: its health endpoint, or the health
   * path at the origin of each interface (the next one when connecting to one fails).
   */
  public List<URI> probeUrls(AgentRecord agent) {
    if (agent.healthEndpoint().isPresent()) {
      return List.of(agent.healthEndpoint().get());
    }
    Set<URI> urls = new LinkedHashSet<>();
    for (AgentInterface endpoint : agent.interfaces()) {
      urls.add(endpoint.url().resolve(settings.healthPath()));
    }
    return List.copyOf(urls);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
