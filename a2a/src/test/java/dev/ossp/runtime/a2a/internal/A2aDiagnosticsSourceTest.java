package dev.ossp.runtime.a2a.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.a2a.AgentHttpClient;
import dev.ossp.runtime.a2a.AgentHttpException;
import dev.ossp.runtime.a2a.CallOptions;
import dev.ossp.runtime.a2a.TestServer;
import dev.ossp.runtime.component.ComponentBinder;
import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.component.HealthStatus;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import dev.ossp.runtime.urn.AgentUrn;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The a2a entry of the diagnostics report, read from the runtime's set of {@link DiagnosticsSource}
 * in a real runtime with the a2a, discovery and resilience components, against real HTTP servers.
 */
@Timeout(60)
class A2aDiagnosticsSourceTest {
  private static final String JSON = "{\"ok\":true}";

  @TempDir Path directory;

  /** Receives the set of diagnostics sources from the runtime's injector. */
  public static final class Sources {
    private final Set<DiagnosticsSource> sources;

    @Inject
    public Sources(Set<DiagnosticsSource> sources) {
      this.sources = sources;
    }

    DiagnosticsSource named(String name) {
      List<DiagnosticsSource> matching =
          sources.stream().filter(source -> source.name().equals(name)).toList();
      assertThat(matching).as("diagnostics sources named %s", name).hasSize(1);
      return matching.get(0);
    }
  }

  /** Binds {@link Sources}, so the test reads the same set as the diagnostics report. */
  private static final class SourcesComponent implements RuntimeComponent {
    @Override
    public String name() {
      return "diagnostics-sources-test";
    }

    @Override
    public boolean critical() {
      return false;
    }

    @Override
    public void configure(ComponentBinder binder) {
      binder.bind(Sources.class, Sources.class);
    }
  }

  private OsspRuntime.Builder runtime() {
    return OsspRuntime.builder()
        .environment(Map.of())
        .systemProperties(new Properties())
        .addComponent(new SourcesComponent())
        .set("runtime.data-dir", directory.resolve("data").toString())
        .set("runtime.shutdown-hook", false)
        .set("node.shutdown-timeout", "500ms")
        .set("resilience.retries.default.max-attempts", 1)
        .set("resilience.circuit-breakers.default.failure-threshold", 2)
        .set("resilience.circuit-breakers.default.open-duration", "10m")
        .set("resilience.circuit-breakers.default.max-open-duration", "10m");
  }

  @Test
  void statsReflectLiveClientState() throws Exception {
    // given
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try (TestServer healthy =
            TestServer.start(
                exchange -> exchange.header("Cache-Control", "max-age=60").respond(200, JSON));
        TestServer failing = TestServer.start(exchange -> exchange.respond(503, JSON));
        TestServer slow =
            TestServer.start(
                exchange -> {
                  arrived.countDown();
                  release.await(20, TimeUnit.SECONDS);
                  exchange.respond(200, JSON);
                });
        OsspRuntime started =
            runtime()
                .set("node.port", 0)
                .set("node.api-key", "test-key-0123456789abcdef")
                .build()) {
      started.start();
      AgentHttpClient http = started.instance(AgentHttpClient.class);
      DiagnosticsSource source = started.instance(Sources.class).named("a2a");
      String failingTarget = "http://127.0.0.1:" + failing.port();

      // when: one cached response, two failures that open the failing target's breaker, a
      // rejected call, and one call held open by the slow server
      http.request(healthy.uri("/card"), CallOptions.get());
      for (int call = 0; call < 2; call++) {
        catchThrowableOfType(
            AgentHttpException.class, () -> http.request(failing.uri("/down"), CallOptions.get()));
      }
      OsspException rejected =
          catchThrowableOfType(
              OsspException.class, () -> http.request(failing.uri("/down"), CallOptions.get()));
      Future<?> held =
          caller.submit(
              () ->
                  http.request(slow.uri("/slow"), CallOptions.builder().cacheable(false).build()));
      assertThat(arrived.await(20, TimeUnit.SECONDS)).as("slow request arrived").isTrue();
      Map<String, Object> whileHeld = source.stats();
      release.countDown();
      held.get(20, TimeUnit.SECONDS);
      Map<String, Object> afterwards = source.stats();

      // then
      assertThat(rejected.kind()).isEqualTo(ErrorKind.CIRCUIT_OPEN);
      assertThat(whileHeld)
          .containsEntry("running", true)
          .containsEntry("nodeAgentServed", true)
          .containsEntry("pendingDeadlines", 1)
          .containsEntry("targets", 3);
      assertThat(map(whileHeld, "pool"))
          .containsEntry("leased", 1)
          .containsEntry("pending", 0)
          .containsEntry("maxTotal", 200);
      assertThat(map(whileHeld, "breakers"))
          .containsEntry("installed", true)
          .containsEntry("byState", Map.of("closed", 2, "open", 1))
          .containsEntry("openTargets", List.of(failingTarget))
          .containsEntry("openTargetsNotListed", 0);
      assertThat(map(whileHeld, "responseCache"))
          .containsEntry("enabled", true)
          .containsEntry("entries", 1L)
          .containsEntry("maxEntries", 10_000L);

      assertThat(afterwards).containsEntry("pendingDeadlines", 0);
      assertThat(map(afterwards, "pool")).containsEntry("leased", 0);
      assertThat((Integer) map(afterwards, "pool").get("available")).isPositive();
    } finally {
      release.countDown();
      caller.shutdownNow();
    }
  }

  @Test
  void healthMatchesComponentBeforeAndAfterStop() throws Exception {
    // given
    try (TestServer server = TestServer.start(exchange -> exchange.respond(200, JSON));
        OsspRuntime started = runtime().set("node.enabled", false).build()) {
      started.start();
      A2aComponent component = started.instance(A2aComponent.class);
      DiagnosticsSource source = started.instance(Sources.class).named("a2a");
      started.instance(AgentHttpClient.class).request(server.uri("/"), CallOptions.get());

      // when
      ComponentHealth running = source.health();
      ComponentHealth reported = started.health().components().get("a2a");

      // then
      assertThat(source.name()).isEqualTo("a2a");
      assertThat(running.status()).isEqualTo(HealthStatus.UP);
      assertThat(running).isEqualTo(reported);
      assertThat(running.details()).containsEntry("leasedConnections", 0);

      // when
      started.stop();

      // then
      assertThat(source.health().status()).isEqualTo(HealthStatus.DOWN);
      assertThat(source.health()).isEqualTo(component.health());
      assertThat(source.stats()).isEqualTo(Map.of("running", false, "nodeAgentServed", false));
    }
  }

  @Test
  void statsWithoutNodeAgentOrResponseCache() {
    // given
    try (OsspRuntime started =
        runtime().set("node.enabled", false).set("a2a.cache.enabled", false).build()) {
      started.start();

      // when
      Map<String, Object> stats = started.instance(Sources.class).named("a2a").stats();

      // then
      assertThat(stats)
          .containsEntry("running", true)
          .containsEntry("nodeAgentServed", false)
          .containsEntry("targets", 0);
      assertThat(map(stats, "responseCache")).isEqualTo(Map.of("enabled", false));
      assertThat(map(stats, "breakers"))
          .containsEntry("byState", Map.of())
          .containsEntry("openTargets", List.of());
    }
  }

  @Test
  void openTargetsListIsBounded() throws Exception {
    // given
    int agents = A2aDiagnosticsSource.MAX_LISTED_TARGETS + 5;
    try (TestServer failing = TestServer.start(exchange -> exchange.respond(503, JSON));
        OsspRuntime started = runtime().set("node.enabled", false).build()) {
      started.start();
      AgentRegistry registry = started.instance(AgentRegistry.class);
      AgentHttpClient http = started.instance(AgentHttpClient.class);
      List<AgentUrn> urns = new ArrayList<>();
      for (int index = 0; index < agents; index++) {
        AgentUrn urn = AgentUrn.parse(String.format("urn:agent:test:down-%02d@1.0.0", index));
        registry.register(AgentRegistration.of(urn, card("down-" + index, failing.uri("/"))));
        urns.add(urn);
      }
      List<String> firstListed =
          urns.subList(0, A2aDiagnosticsSource.MAX_LISTED_TARGETS).stream()
              .map(AgentUrn::toString)
              .toList();

      // when: two failing calls per agent open each agent's breaker
      for (AgentUrn urn : urns) {
        for (int call = 0; call < 2; call++) {
          catchThrowableOfType(
              AgentHttpException.class, () -> http.request(urn, "/work", CallOptions.get()));
        }
      }
      Map<String, Object> breakers =
          map(started.instance(Sources.class).named("a2a").stats(), "breakers");

      // then
      assertThat(breakers)
          .containsEntry("byState", Map.of("open", agents))
          .containsEntry("openTargets", firstListed)
          .containsEntry("openTargetsNotListed", 5);
    }
  }

  private static String card(String name, URI url) {
    return "{\"name\":\""
        + name
        + "\",\"version\":\"1.0.0\",\"supportedInterfaces\":[{\"url\":\""
        + url
        + "\",\"protocolBinding\":\"HTTP+JSON\",\"protocolVersion\":\"1.0\"}]}";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> stats, String key) {
    assertThat(stats).containsKey(key);
    return (Map<String, Object>) stats.get(key);
  }
}
