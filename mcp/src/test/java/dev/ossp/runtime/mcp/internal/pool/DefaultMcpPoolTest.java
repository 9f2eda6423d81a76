package dev.ossp.runtime.mcp.internal.pool;

import static dev.ossp.runtime.mcp.internal.TestFutures.await;
import static dev.ossp.runtime.mcp.internal.TestFutures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.error.CircuitOpenException;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpConnectionClosedException;
import dev.ossp.runtime.mcp.McpConnectionState;
import dev.ossp.runtime.mcp.McpPoolStats;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.ProcessTable;
import dev.ossp.runtime.mcp.internal.TestServers;
import dev.ossp.runtime.mcp.internal.client.ClientResources;
import dev.ossp.runtime.mcp.internal.client.DefaultMcpConnector;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.pool.PoolSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pool against real server processes: reuse, eviction, restarts, breakers and close. */
class DefaultMcpPoolTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final ClientResources resources =
      ClientResources.create(clock, Metrics.noop(), System.getenv());
  private final DefaultMcpConnector connector =
      new DefaultMcpConnector(
          resources,
          spec -> {
            throw new UnsupportedOperationException("no HTTP in this test");
          });
  private DefaultMcpPool pool;

  @AfterEach
  void closePool() {
    if (pool != null) {
      pool.close();
    }
    resources.close();
  }

  private DefaultMcpPool pool(int maxTotal, PoolOptions options) {
    PoolSettings settings = PoolSettings.fixed("mcp", maxTotal, 1, Duration.ofMinutes(5));
    pool =
        new DefaultMcpPool(
            connector,
            DefaultMcpPool.fixedLimits(settings),
            new FixedBackoff(),
            options,
            Optional.empty(),
            new Random(7));
    return pool;
  }

  private static PoolOptions options(Duration backoff, int crashLoopThreshold) {
    PoolOptions defaults = PoolOptions.DEFAULTS;
    return new PoolOptions(
        defaults.maintenanceInterval(),
        defaults.healthCheckInterval(),
        Duration.ofMillis(300),
        defaults.stableAfter(),
        new BackoffSettings(backoff, 1.0, backoff, 0.0),
        crashLoopThreshold,
        Duration.ofMinutes(1),
        2);
  }

  private static McpServerSpec server(String id, String mode, String marker) {
    return McpServerSpec.stdio(
            id, TestServers.node(), TestServers.misbehavingScript().toString(), mode, marker)
        .closeGracePeriod(Duration.ofMillis(300))
        .build();
  }

  @Test
  void acquireReusesTheConnection() throws Exception {
    // given
    DefaultMcpPool pool = pool(4, PoolOptions.DEFAULTS);
    pool.register(server("a", "normal", "m"));

    // when
    McpClient first = await(pool.acquire("a"));
    McpClient second = await(pool.acquire("a"));

    // then
    assertThat(second).isSameAs(first);
    McpPoolStats stats = pool.stats();
    assertThat(stats.created()).isEqualTo(1);
    assertThat(stats.reused()).isEqualTo(1);
    assertThat(stats.idle()).isEqualTo(1);
  }

  @Test
  void unknownServerIsRejected() {
    // given
    DefaultMcpPool pool = pool(4, PoolOptions.DEFAULTS);
    pool.register(server("known", "normal", "m"));

    // then
    assertThat(failureOf(pool.acquire("unknown")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'unknown'")
        .hasMessageContaining("known");
  }

  @Test
  void idleConnectionIsEvicted() throws Exception {
    // given
    String marker = "idle-" + UUID.randomUUID();
    DefaultMcpPool pool = pool(4, PoolOptions.DEFAULTS);
    pool.register(server("idle", "normal", marker));
    McpClient client = await(pool.acquire("idle"));
    await(client.callTool("echo", "{\"message\":\"x\"}"));

    // when
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    pool.runMaintenance();

    // then
    await(client.whenClosed());
    assertThat(ProcessTable.runningWithArgument(marker)).isEmpty();
    assertThat(pool.stats().closed()).isEqualTo(1);
    assertThat(pool.stats().restarts()).isZero();
    McpClient fresh = await(pool.acquire("idle"));
    assertThat(fresh).isNotSameAs(client);
  }

  @Test
  void lruEvictionSkipsBusyConnections() throws Exception {
    // given
    DefaultMcpPool pool = pool(2, PoolOptions.DEFAULTS);
    pool.register(server("older", "normal", "m"));
    pool.register(server("newer", "normal", "m"));
    pool.register(server("third", "normal", "m"));
    McpClient older = await(pool.acquire("older"));
    await(older.callTool("echo", "{\"message\":\"1\"}"));
    clock.advance(Duration.ofSeconds(1));
    McpClient newer = await(pool.acquire("newer"));
    await(newer.callTool("echo", "{\"message\":\"2\"}"));
    CompletableFuture<McpToolResult> busy = older.callTool("hang", "{}");

    // when
    McpClient third = await(pool.acquire("third"));

    // then
    await(newer.whenClosed());
    assertThat(older.isConnected()).isTrue();
    assertThat(busy).isNotDone();
    assertThat(third.isConnected()).isTrue();
    assertThat(pool.connections())
        .extracting(McpConnectionState::serverId)
        .containsExactlyInAnyOrder("older", "third");
  }

  @Test
  void fullPoolOfBusyConnectionsRejects() throws Exception {
    // given
    DefaultMcpPool pool = pool(1, PoolOptions.DEFAULTS);
    pool.register(server("busy", "normal", "m"));
    pool.register(server("other", "normal", "m"));
    McpClient busy = await(pool.acquire("busy"));
    busy.callTool("hang", "{}");

    // when
    CompletableFuture<McpClient> other = pool.acquire("other");

    // then
    assertThat(failureOf(other))
        .isInstanceOfSatisfying(
            OsspException.class,
            error -> assertThat(error.kind()).isEqualTo(ErrorKind.RATE_LIMITED))
        .hasMessageContaining("mcp.pool.max-processes");
  }

  @Test
  void crashedServerRestartsAfterBackoff() throws Exception {
    // given
    DefaultMcpPool pool = pool(4, options(Duration.ofMillis(300), 5));
    pool.register(server("crashy", "exit-in-call", "m"));
    McpClient first = await(pool.acquire("crashy"));
    long firstPid = first.state().pid();

    // when
    assertThat(failureOf(first.callTool("crash", "{}")))
        .isInstanceOf(McpConnectionClosedException.class);
    long crashedAt = System.nanoTime();
    McpClient second = await(pool.acquire("crashy"));

    // then
    assertThat(Duration.ofNanos(System.nanoTime() - crashedAt))
        .isGreaterThanOrEqualTo(Duration.ofMillis(250));
    assertThat(second).isNotSameAs(first);
    assertThat(second.state().pid()).isNotEqualTo(firstPid);
    assertThat(second.state().reconnectAttempts()).isEqualTo(1);
    assertThat(second.state().exitCode()).hasValue(3);
    assertThat(pool.stats().restarts()).isEqualTo(1);
    assertThat(pool.stats().created()).isEqualTo(2);
    assertThat(await(second.callTool("echo", "{\"message\":\"back\"}")).text())
        .isEqualTo("Echo: back");
  }

  @Test
  void breakerOpensForCrashLoop() throws Exception {
    // given
    DefaultMcpPool pool = pool(4, options(Duration.ofMillis(20), 3));
    pool.register(server("loop", "exit-in-init", "m"));

    // when
    for (int i = 0; i < 3; i++) {
      assertThat(failureOf(pool.acquire("loop"))).isInstanceOf(McpConnectionClosedException.class);
    }
    CompletableFuture<McpClient> rejected = pool.acquire("loop");

    // then
    assertThat(failureOf(rejected))
        .isInstanceOfSatisfying(
            CircuitOpenException.class,
            error -> {
              assertThat(error.breakerName()).isEqualTo("mcp:loop");
              assertThat(error.untilNextProbe()).isPositive();
            });
    assertThat(pool.stats().failed()).isEqualTo(3);
    assertThat(pool.stats().created()).isZero();
  }

  @Test
  void frozenServerFailsHealthCheckAndIsReplaced() throws Exception {
    // given
    DefaultMcpPool pool = pool(4, options(Duration.ofMillis(10), 5));
    pool.register(server("frozen", "normal", "m"));
    McpClient first = await(pool.acquire("frozen"));
    CompletableFuture<McpToolResult> freeze =
        first.callTool(
            McpToolCall.builder("freeze")
                .argumentsJson("{\"ms\":5000}")
                .timeout(Duration.ofMillis(100))
                .build());
    failureOf(freeze);

    // when
    clock.advance(Duration.ofSeconds(61));
    pool.runMaintenance();

    // then
    await(first.whenClosed());
    McpClient replacement = await(pool.acquire("frozen"));
    assertThat(replacement).isNotSameAs(first);
    assertThat(await(replacement.ping())).isPositive();
    assertThat(pool.stats().restarts()).isEqualTo(1);
  }

  @Test
  void toolCallRetriedOnlyWhenSafe() throws Exception {
    // given
    DefaultMcpPool pool = pool(4, options(Duration.ofMillis(10), 10));
    pool.register(server("retry", "exit-in-call", "m"));

    // when
    Throwable notRetried = failureOf(pool.callTool("retry", McpToolCall.of("crash", "{}")));
    long crashesAfterFirst = pool.stats().restarts();
    Throwable readOnlyRetried =
        failureOf(pool.callTool("retry", McpToolCall.of("crash-readonly", "{}")));
    long crashesAfterSecond = pool.stats().restarts();
    Throwable optedIn =
        failureOf(
            pool.callTool("retry", McpToolCall.builder("crash").retryOnFailure(true).build()));

    // then: each attempt crashes the server once, so restarts count attempts
    assertThat(notRetried).isInstanceOf(McpConnectionClosedException.class);
    assertThat(readOnlyRetried).isInstanceOf(McpConnectionClosedException.class);
    assertThat(optedIn).isInstanceOf(McpConnectionClosedException.class);
    assertThat(crashesAfterFirst).isEqualTo(1);
    assertThat(crashesAfterSecond - crashesAfterFirst).isEqualTo(2);
    assertThat(pool.stats().restarts() - crashesAfterSecond).isEqualTo(2);
  }

  @Test
  void poolToolCallSucceeds() throws Exception {
    // given
    DefaultMcpPool pool = pool(4, PoolOptions.DEFAULTS);
    pool.register(TestServers.everything("everything").build());

    // when
    McpToolResult result =
        await(pool.callTool("everything", McpToolCall.of("echo", "{\"message\":\"pooled\"}")));

    // then
    assertThat(result.text()).isEqualTo("Echo: pooled");
  }

  @Test
  void closeLeavesNoProcess() throws Exception {
    // given
    String marker = "close-" + UUID.randomUUID();
    DefaultMcpPool pool = pool(4, PoolOptions.DEFAULTS);
    for (String id : new String[] {"one", "two", "three"}) {
      pool.register(server(id, "ignore-term", marker));
      await(pool.acquire(id));
    }
    assertThat(ProcessTable.runningWithArgument(marker)).hasSize(3);
    long start = System.nanoTime();

    // when
    pool.close();

    // then
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1300));
    assertThat(ProcessTable.runningWithArgument(marker)).isEmpty();
    assertThat(pool.stats().active() + pool.stats().idle()).isZero();
    assertThat(failureOf(pool.acquire("one"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void reRegisterClosesOldConnections() throws Exception {
    // given
    DefaultMcpPool pool = pool(4, PoolOptions.DEFAULTS);
    pool.register(server("changing", "normal", "m"));
    McpClient old = await(pool.acquire("changing"));

    // when
    pool.register(server("changing", "normal", "m2"));

    // then
    assertThat(old.isConnected()).isFalse();
    assertThat(await(pool.acquire("changing"))).isNotSameAs(old);
    assertThat(pool.spec("changing").orElseThrow().args()).contains("m2");
    assertThat(Map.of("ids", pool.serverIds())).containsEntry("ids", java.util.Set.of("changing"));
  }
}
