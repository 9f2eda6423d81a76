package dev.ossp.runtime.discovery.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ossp.runtime.discovery.AgentHealth;
import dev.ossp.runtime.discovery.AgentHealthProbe;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.QueryResult;
import dev.ossp.runtime.discovery.internal.DiscoveryService;
import dev.ossp.runtime.discovery.internal.registry.DefaultAgentRegistry;
import dev.ossp.runtime.discovery.internal.registry.RegistrySettings;
import dev.ossp.runtime.discovery.internal.testing.MutableClock;
import dev.ossp.runtime.discovery.internal.testing.Registries;
import dev.ossp.runtime.urn.AgentUrn;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Probes real HTTP health endpoints served by a JDK HTTP server on loopback. */
class HealthProbeTest {
  private final MutableClock clock = MutableClock.startingAt("2025-01-01T00:00:00Z");
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger probes = new AtomicInteger();
  private HttpServer server;
  private DiscoveryService service;
  private DefaultAgentRegistry registry;

  /** Probes the agent's health endpoint with a GET; 2xx is healthy. */
  private final class HttpProbe implements AgentHealthProbe {
    private final HttpClient client = HttpClient.newHttpClient();

    @Override
    public CompletionStage<AgentHealth> probe(AgentRecord agent, Duration timeout) {
      probes.incrementAndGet();
      URI endpoint = agent.healthEndpoint().orElseThrow();
      long started = System.nanoTime();
      // The request's own timeout is far longer than the probe's, so a slow agent is cut off by
      // the discovery health tracker, which is what these tests check, and not by this client.
      return client
          .sendAsync(
              HttpRequest.newBuilder(endpoint).timeout(timeout.multipliedBy(10)).GET().build(),
              HttpResponse.BodyHandlers.discarding())
          .thenApply(
              response -> {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                return response.statusCode() / 100 == 2
                    ? AgentHealth.healthy(Instant.now(), took)
                    : AgentHealth.unhealthy(Instant.now(), took, "status " + response.statusCode());
              });
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/ok",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.createContext(
        "/fail",
        exchange -> {
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    server.createContext(
        "/slow",
        exchange -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    RegistrySettings settings =
        new RegistrySettings(
            1000,
            1000,
            100,
            Duration.ofSeconds(30),
            Duration.ofSeconds(1),
            Duration.ofDays(1),
            true,
            Duration.ofMinutes(5),
            100,
            Duration.ofMillis(300),
            Duration.ofSeconds(10),
            4);
    service = Registries.memory(clock, settings, new HttpProbe());
    registry = service.registry();
    register("ok", "/ok");
    register("fail", "/fail");
    register("slow", "/slow");
  }

  @AfterEach
  void stop() {
    release.countDown();
    service.close();
    server.stop(0);
  }

  private void register(String name, String path) {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    String manifest =
        "{\"name\":\""
            + name
            + "\",\"version\":\"1.0.0\",\"endpoints\":{\"api\":\""
            + base
            + "/api\",\"health\":\""
            + path
            + "\"},\"capabilities\":{\"probe\":{\"type\":\"tool\"}}}";
    registry.register(AgentRegistration.of(AgentUrn.parse("urn:agent:health:" + name), manifest));
  }

  private static AgentUrn urn(String name) {
    return AgentUrn.parse("urn:agent:health:" + name + "@1.0.0");
  }

  @Test
  void probesPageInParallelWithTimeoutAndNeverTouchesRecords() {
    // when
    long started = System.nanoTime();
    QueryResult result =
        registry.query(AgentQuery.builder().domain("health").includeHealth(true).build());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    // then
    assertThat(result.healthOf(urn("ok")).orElseThrow().status())
        .isEqualTo(AgentHealth.Status.HEALTHY);
    assertThat(result.healthOf(urn("fail")).orElseThrow().detail()).isEqualTo("status 503");
    AgentHealth slow = result.healthOf(urn("slow")).orElseThrow();
    assertThat(slow.status()).isEqualTo(AgentHealth.Status.UNHEALTHY);
    assertThat(slow.detail()).contains("timed out after 300 ms");
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    assertThat(registry.get(urn("ok")).orElseThrow().cardJson()).doesNotContain("healthy");
  }

  @Test
  void healthIsReusedWithinTtlAndFiltersUseLatestStatus() {
    // given
    registry.query(AgentQuery.builder().domain("health").includeHealth(true).build());
    int afterFirst = probes.get();

    // when
    registry.query(AgentQuery.builder().domain("health").includeHealth(true).build());
    QueryResult healthy =
        registry.query(AgentQuery.builder().health(AgentHealth.Status.HEALTHY).build());

    // then
    assertThat(probes.get()).isEqualTo(afterFirst);
    assertThat(healthy.agents()).extracting(AgentRecord::name).containsExactly("ok");
    assertThat(healthy.cached()).isFalse();
  }

  @Test
  void withoutProbeHealthIsUnknown() {
    // given
    service.close();
    service = Registries.memory(clock);
    registry = service.registry();
    register("ok", "/ok");

    // when
    QueryResult result = registry.query(AgentQuery.builder().includeHealth(true).build());

    // then
    assertThat(result.healthOf(urn("ok")).orElseThrow().status())
        .isEqualTo(AgentHealth.Status.UNKNOWN);
  }
}
