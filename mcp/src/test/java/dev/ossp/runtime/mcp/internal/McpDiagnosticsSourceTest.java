package dev.ossp.runtime.mcp.internal;

import static dev.ossp.runtime.mcp.internal.TestFutures.await;
import static dev.ossp.runtime.mcp.internal.TestFutures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.component.ComponentBinder;
import dev.ossp.runtime.component.HealthStatus;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpConnectionClosedException;
import dev.ossp.runtime.mcp.McpPool;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mcp component's diagnostics source inside a real runtime with real server processes, read
 * through the injected set of sources as the metrics module reads it.
 */
class McpDiagnosticsSourceTest {
  @TempDir Path dataDirectory;

  private final McpComponent component = new McpComponent();

  /** The diagnostics sources every component contributed, injected as the metrics module does. */
  static final class BoundSources {
    final Set<DiagnosticsSource> sources;

    @Inject
    BoundSources(Set<DiagnosticsSource> sources) {
      this.sources = sources;
    }
  }

  /** Binds {@link BoundSources}, so the test reads the set the runtime's injector built. */
  private static final class SourceReader implements RuntimeComponent {
    @Override
    public String name() {
      return "diagnostics-reader";
    }

    @Override
    public void configure(ComponentBinder binder) {
      binder.bind(BoundSources.class, BoundSources.class);
    }
  }

  private OsspRuntime.Builder runtime() {
    return OsspRuntime.builder()
        .discoverComponents(false)
        .environment(Map.of())
        .systemProperties(new Properties())
        .addComponent(component)
        .addComponent(new SourceReader())
        .set("node.enabled", false)
        .set("runtime.shutdown-hook", false)
        .set("runtime.data-dir", dataDirectory.toString());
  }

  private static OsspRuntime.Builder misbehaving(
      OsspRuntime.Builder builder, String id, String mode) {
    return builder
        .set("mcp.servers." + id + ".command", TestServers.node())
        .set(
            "mcp.servers." + id + ".args",
            List.of(TestServers.misbehavingScript().toString(), mode))
        .set("mcp.servers." + id + ".close-grace-period", "300ms");
  }

  private static DiagnosticsSource mcpSource(OsspRuntime runtime) {
    List<DiagnosticsSource> found =
        runtime.instance(BoundSources.class).sources.stream()
            .filter(source -> source.name().equals("mcp"))
            .toList();
    assertThat(found).as("diagnostics sources named mcp").hasSize(1);
    return found.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> servers(Map<String, Object> stats) {
    return (Map<String, Object>) stats.get("servers");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> server(Map<String, Object> stats, String id) {
    return (Map<String, Object>) servers(stats).get(id);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> connections(Map<String, Object> server) {
    return (List<Map<String, Object>>) server.get("connections");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> breaker(Map<String, Object> server) {
    return (Map<String, Object>) server.get("breaker");
  }

  @Test
  void statsReflectLivePoolState() throws Exception {
    // given
    OsspRuntime.Builder builder =
        runtime()
            .set("mcp.servers.everything.command", TestServers.node())
            .set(
                "mcp.servers.everything.args",
                List.of(TestServers.packageScript("server-everything"), "stdio"))
            .set("mcp.pool.max-processes", 8)
            .set("mcp.pool.crash-loop-threshold", 2)
            .set("mcp.pool.crash-loop-open-duration", "1m")
            .set("mcp.pool.restart-base-delay", "10ms")
            .set("mcp.pool.restart-max-delay", "10ms");
    builder = misbehaving(builder, "busy", "normal");
    builder = misbehaving(builder, "crashy", "exit-in-call");
    builder = misbehaving(builder, "loop", "exit-in-init");
    builder = misbehaving(builder, "unused", "normal");
    OsspRuntime started = builder.build();
    try (started) {
      started.start();
      McpPool pool = started.instance(McpPool.class);
      DiagnosticsSource source = mcpSource(started);

      // when: one idle connection, one with a request in flight
      McpClient everything = await(pool.acquire("everything"));
      McpClient busy = await(pool.acquire("busy"));
      CompletableFuture<McpToolResult> hanging =
          busy.callTool(McpToolCall.builder("hang").timeout(Duration.ofSeconds(30)).build());

      // and: a server that crashes in a call and is restarted
      McpClient crashed = await(pool.acquire("crashy"));
      long crashedPid = crashed.state().pid();
      assertThat(failureOf(crashed.callTool(McpToolCall.of("crash", "{}"))))
          .isInstanceOf(McpConnectionClosedException.class);
      await(crashed.whenClosed());
      McpClient restarted = await(pool.acquire("crashy"));

      // and: a server that fails every start until its breaker opens
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThat(failureOf(pool.acquire("loop")))
            .isInstanceOf(McpConnectionClosedException.class);
      }

      Map<String, Object> stats = source.stats();

      // then: the pool
      assertThat(stats).containsEntry("maxConnections", 8);
      assertThat(stats).containsEntry("pendingAcquisitions", 0);
      assertThat(servers(stats)).containsOnlyKeys("everything", "busy", "crashy", "loop", "unused");

      // then: the idle connection to server-everything
      Map<String, Object> everythingServer = server(stats, "everything");
      assertThat(everythingServer).containsEntry("transport", "stdio");
      assertThat(everythingServer).containsEntry("state", "ready");
      assertThat(everythingServer).containsEntry("maxConnections", 1);
      assertThat(everythingServer).containsEntry("consecutiveFailures", 0);
      assertThat(everythingServer).doesNotContainKey("lastExitCode");
      assertThat(breaker(everythingServer)).containsEntry("name", "mcp:everything");
      assertThat(breaker(everythingServer)).containsEntry("state", "closed");
      assertThat(connections(everythingServer)).hasSize(1);
      Map<String, Object> everythingConnection = connections(everythingServer).get(0);
      assertThat(everythingConnection).containsEntry("state", "ready");
      assertThat(everythingConnection).containsEntry("pid", everything.state().pid());
      assertThat(everythingConnection).containsEntry("inFlight", 0);
      assertThat(everythingConnection)
          .containsEntry("protocolVersion", everything.serverInfo().protocolVersion());

      // then: the request in flight
      assertThat(connections(server(stats, "busy"))).hasSize(1);
      Map<String, Object> busyConnection = connections(server(stats, "busy")).get(0);
      assertThat(busyConnection).containsEntry("pid", busy.state().pid());
      assertThat(busyConnection).containsEntry("inFlight", 1);

      // then: the restarted server, with the crash's exit code
      Map<String, Object> crashyServer = server(stats, "crashy");
      assertThat(crashyServer).containsEntry("state", "ready");
      assertThat(crashyServer).containsEntry("consecutiveFailures", 1);
      assertThat(crashyServer).containsEntry("lastExitCode", 3);
      assertThat(connections(crashyServer)).hasSize(1);
      assertThat(connections(crashyServer).get(0))
          .containsEntry("pid", restarted.state().pid())
          .doesNotContainEntry("pid", crashedPid);

      // then: the crash loop behind an open breaker
      Map<String, Object> loopServer = server(stats, "loop");
      assertThat(loopServer).containsEntry("state", "broken");
      assertThat(loopServer).containsEntry("consecutiveFailures", 2);
      assertThat(connections(loopServer)).isEmpty();
      assertThat(breaker(loopServer)).containsEntry("state", "open");
      assertThat((long) breaker(loopServer).get("untilNextProbeMillis")).isPositive();

      // then: the server never acquired
      Map<String, Object> unusedServer = server(stats, "unused");
      assertThat(unusedServer).containsEntry("state", "stopped");
      assertThat(unusedServer).containsEntry("consecutiveFailures", 0);
      assertThat(connections(unusedServer)).isEmpty();

      // then: the health is the component's, with the same counts
      assertThat(source.health()).isEqualTo(component.health());
      assertThat(source.health().status()).isEqualTo(HealthStatus.UP);
      assertThat(source.health().details())
          .containsEntry("servers", 5)
          .containsEntry("active", 1)
          .containsEntry("idle", 2)
          .containsEntry("restarts", 1L)
          .containsEntry("failedStarts", 2L);
      assertThat(hanging).isNotDone();
    }
  }

  @Test
  void healthIsDownAndStatsEmptyAfterStop() throws Exception {
    // given
    OsspRuntime started = runtime().build();
    DiagnosticsSource source;
    try (started) {
      started.start();
      source = mcpSource(started);
      assertThat(source.health().status()).isEqualTo(HealthStatus.UP);
      assertThat(source.stats()).containsEntry("servers", Map.of());

      // when
      started.stop();
    }

    // then
    assertThat(source.health()).isEqualTo(component.health());
    assertThat(source.health().status()).isEqualTo(HealthStatus.DOWN);
    assertThat(source.stats()).isEmpty();
  }
}
