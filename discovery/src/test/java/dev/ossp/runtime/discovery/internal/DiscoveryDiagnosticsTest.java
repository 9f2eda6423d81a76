package dev.ossp.runtime.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ossp.runtime.component.ComponentBinder;
import dev.ossp.runtime.component.HealthStatus;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentHealth;
import dev.ossp.runtime.discovery.AgentHealthProbe;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.discovery.internal.testing.Cards;
import dev.ossp.runtime.discovery.internal.testing.MutableClock;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import dev.ossp.runtime.urn.AgentUrn;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The discovery component's diagnostics source in a real runtime: bound in the injector's set of
 * sources, with the component's health and stats that follow the registry's state.
 */
class DiscoveryDiagnosticsTest {
  private static final Duration LEASE = Duration.ofSeconds(10);
  private static final Duration GRACE = Duration.ofSeconds(30);

  @TempDir Path data;
  private final MutableClock clock = MutableClock.startingAt("2025-01-01T00:00:00Z");

  /** Holds the set of diagnostics sources as the injector builds it for any consumer. */
  public static final class SourcesReader {
    private final Set<DiagnosticsSource> sources;

    @Inject
    public SourcesReader(Set<DiagnosticsSource> sources) {
      this.sources = sources;
    }

    DiagnosticsSource discovery() {
      return sources.stream()
          .filter(source -> source.name().equals("discovery"))
          .reduce(
              (first, second) -> {
                throw new AssertionError("two diagnostics sources are named discovery");
              })
          .orElseThrow(() -> new AssertionError("no diagnostics source is named discovery"));
    }
  }

  /** Creates a component that only contributes bindings, such as the reader or a probe. */
  private static RuntimeComponent bindings(String name, Consumer<ComponentBinder> configure) {
    return new RuntimeComponent() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void configure(ComponentBinder binder) {
        configure.accept(binder);
      }
    };
  }

  private OsspRuntime.Builder runtime() {
    return OsspRuntime.builder()
        .environment(Map.of())
        .systemProperties(new Properties())
        .clock(clock)
        .addComponent(
            bindings(
                "diagnostics-reader",
                binder -> binder.bind(SourcesReader.class, SourcesReader.class)))
        .set("node.enabled", false)
        .set("runtime.shutdown-hook", false)
        .set("runtime.data-dir", data.toString())
        .set("discovery.store.file.fsync", "batch")
        .set("discovery.max-agents", 50)
        .set("discovery.lease.grace", GRACE.toString());
  }

  private static AgentRegistration agent(String urn, Duration leaseTtl) {
    String name = AgentUrn.parse(urn).name();
    return AgentRegistration.builder(Cards.a2a(name, "1.0.0", "echo"))
        .urn(AgentUrn.parse(urn))
        .leaseTtl(leaseTtl)
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(DiagnosticsSource source, String name) {
    return (Map<String, Object>) source.stats().get(name);
  }

  @Test
  void statsFollowRegistryThroughLeaseLifecycle() {
    // given the component that ServiceLoader finds, and a sweeper that runs every 10 ms
    OsspRuntime runtime = runtime().set("discovery.lease.sweep-interval", "10ms").build();
    try (runtime) {
      runtime.start();
      DiagnosticsSource source = runtime.instance(SourcesReader.class).discovery();
      AgentRegistry registry = runtime.instance(AgentRegistry.class);

      // when three agents register, one with a lease, and one query runs twice
      registry.register(agent("urn:agent:diag:alpha@1.0.0", null));
      registry.register(agent("urn:agent:diag:leased@1.0.0", LEASE));
      registry.register(agent("urn:agent:other:gamma@1.0.0", null));
      AgentQuery query = AgentQuery.builder().domain("diag").build();
      registry.query(query);
      registry.query(query);

      // then
      assertThat(source.health()).isEqualTo(runtime.health().components().get("discovery"));
      assertThat(source.health().status()).isEqualTo(HealthStatus.UP);
      assertThat(source.health().details()).containsEntry("agents", 3);
      assertThat(section(source, "agents"))
          .containsEntry("visible", 3)
          .containsEntry("expired", 0)
          .containsEntry("stored", 3)
          .containsEntry("domains", 2);
      assertThat(section(source, "leases"))
          .containsEntry("leased", 1)
          .containsEntry("awaitingSweep", 0)
          .containsEntry("inGracePeriod", 0);
      assertThat(section(source, "store"))
          .containsEntry("strategy", "file")
          .containsEntry("directory", data.resolve("registry").toString())
          .containsEntry("shared", false)
          .containsEntry("status", "connected");
      assertThat(section(source, "cache"))
          .containsEntry("enabled", true)
          .containsEntry("strategy", "caffeine")
          .containsEntry("size", 1L)
          .containsEntry("maxSize", 10_000L)
          .containsEntry("ttl", "PT5M")
          .containsEntry("hits", 1L)
          .containsEntry("misses", 1L);
      assertThat(source.stats()).containsEntry("queries", 2L);
      assertThat(section(source, "healthProbe")).containsEntry("installed", false);
      assertThat(section(source, "limits"))
          .containsEntry("maxAgents", 50)
          .containsEntry("leaseGrace", "PT30S");

      // when the lease runs out, the sweeper marks the agent expired
      clock.advance(LEASE.plusSeconds(1));

      // then
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> assertThat(section(source, "leases")).containsEntry("inGracePeriod", 1));
      assertThat(section(source, "agents"))
          .containsEntry("visible", 2)
          .containsEntry("expired", 1)
          .containsEntry("stored", 3);
      assertThat(source.health()).isEqualTo(runtime.health().components().get("discovery"));
      assertThat(source.health().details()).containsEntry("expiredAgents", 1);

      // when the grace period ends, the sweeper deletes the agent
      clock.advance(GRACE);

      // then
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(section(source, "agents")).containsEntry("stored", 2));
      assertThat(section(source, "agents")).containsEntry("expired", 0);
      assertThat(section(source, "leases")).containsEntry("leased", 0);
    }
  }

  @Test
  void expiredLeaseAwaitsSweepUntilSweepRuns() {
    // given a component whose sweeper waits a minute, so the test sweeps by hand
    DiscoveryComponent discovery = new DiscoveryComponent();
    OsspRuntime runtime =
        runtime()
            .discoverComponents(false)
            .addComponent(discovery)
            .set("discovery.lease.sweep-interval", "1m")
            .build();
    try (runtime) {
      runtime.start();
      DiagnosticsSource source = runtime.instance(SourcesReader.class).discovery();
      runtime.instance(AgentRegistry.class).register(agent("urn:agent:diag:leased@1.0.0", LEASE));

      // when the lease runs out
      clock.advance(LEASE);

      // then queries hide the agent, and the source counts it as waiting for the sweep
      assertThat(section(source, "agents")).containsEntry("visible", 0);
      assertThat(section(source, "leases"))
          .containsEntry("leased", 1)
          .containsEntry("awaitingSweep", 1)
          .containsEntry("inGracePeriod", 0);

      // when the sweep runs
      discovery.running().service().registry().expireLeases();

      // then
      assertThat(section(source, "leases"))
          .containsEntry("awaitingSweep", 0)
          .containsEntry("inGracePeriod", 1);
      assertThat(source.health()).isEqualTo(discovery.health());
    }
  }

  @Test
  void statsShowMemoryStoreCacheOffAndProbe() {
    // given
    AgentHealthProbe probe =
        (agent, timeout) ->
            CompletableFuture.completedFuture(
                AgentHealth.healthy(clock.instant(), Duration.ofMillis(1)));
    OsspRuntime runtime =
        runtime()
            .addComponent(
                bindings("probe", binder -> binder.bindInstance(AgentHealthProbe.class, probe)))
            .set("strategies.registry-store", "memory")
            .set("discovery.cache.enabled", false)
            .build();
    try (runtime) {
      // when
      runtime.start();
      DiagnosticsSource source = runtime.instance(SourcesReader.class).discovery();

      // then
      assertThat(section(source, "store")).containsEntry("strategy", "memory");
      assertThat(section(source, "cache")).containsOnly(Map.entry("enabled", false));
      assertThat(section(source, "healthProbe"))
          .containsEntry("installed", true)
          .containsEntry("timeout", "PT2S")
          .containsEntry("parallelism", 8);
    }
  }

  @Test
  void sourceReportsDownWithoutStatsAfterStop() {
    // given
    OsspRuntime runtime = runtime().build();
    runtime.start();
    DiagnosticsSource source = runtime.instance(SourcesReader.class).discovery();

    // when
    runtime.close();

    // then
    assertThat(source.health().status()).isEqualTo(HealthStatus.DOWN);
    assertThat(source.health().message()).isEqualTo("discovery is not running");
    assertThat(source.stats()).isEmpty();
  }
}
