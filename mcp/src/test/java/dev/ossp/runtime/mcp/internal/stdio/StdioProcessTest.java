package dev.ossp.runtime.mcp.internal.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpConnectionClosedException;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.ProcessTable;
import dev.ossp.runtime.mcp.internal.TestServers;
import dev.ossp.runtime.mcp.internal.client.ClientResources;
import dev.ossp.runtime.mcp.internal.client.DefaultMcpConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Supervision of stdio server processes: exit detection, bounded close, process tree kill. */
class StdioProcessTest {
  private static final long WAIT_SECONDS = 10;

  private static ClientResources resources;
  private static DefaultMcpConnector connector;

  @BeforeAll
  static void createConnector() {
    resources = ClientResources.defaults();
    connector =
        new DefaultMcpConnector(
            resources,
            spec -> {
              throw new UnsupportedOperationException("no HTTP in this test");
            });
  }

  @AfterAll
  static void closeConnector() {
    resources.close();
  }

  private static McpClient connect(McpServerSpec spec) throws Exception {
    return connector.connect(spec).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static String marker() {
    return "marker-" + UUID.randomUUID();
  }

  private static String shellQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  @Test
  void closeKillsServerIgnoringTermWithinBound() throws Exception {
    // given
    String marker = marker();
    McpServerSpec spec =
        McpServerSpec.stdio(
                "stubborn",
                TestServers.node(),
                TestServers.misbehavingScript().toString(),
                "ignore-term",
                marker)
            .closeGracePeriod(Duration.ofMillis(500))
            .build();
    McpClient client = connect(spec);
    ProcessHandle process = ProcessHandle.of(client.state().pid()).orElseThrow();
    long start = System.nanoTime();

    // when
    client.close();

    // then
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isLessThan(Duration.ofMillis(500 + 1000));
    assertThat(ProcessTable.isRunning(process)).isFalse();
    assertThat(ProcessTable.runningWithArgument(marker)).isEmpty();
    assertThat(client.isConnected()).isFalse();
    assertThat(client.whenClosed()).isDone();
  }

  @Test
  void grandchildThroughShellIsKilled() throws Exception {
    // given
    String marker = marker();
    String command =
        shellQuote(TestServers.node())
            + " "
            + shellQuote(TestServers.misbehavingScript().toString())
            + " ignore-term "
            + marker
            + "; echo finished >&2";
    McpServerSpec spec =
        McpServerSpec.stdio("via-shell", "sh", "-c", command)
            .closeGracePeriod(Duration.ofMillis(500))
            .build();
    McpClient client = connect(spec);
    assertThat(ProcessTable.runningWithArgument(marker)).hasSize(1);
    long start = System.nanoTime();

    // when
    client.close();

    // then
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    assertThat(ProcessTable.runningWithArgument(marker)).isEmpty();
  }

  @Test
  void orphanLeftByCrashedRootIsKilled() throws Exception {
    // given: the shell starts a stubborn background child, then becomes the server itself
    String marker = marker();
    String node = shellQuote(TestServers.node());
    String script = shellQuote(TestServers.misbehavingScript().toString());
    String command =
        node
            + " "
            + script
            + " ignore-term "
            + marker
            + " & exec "
            + node
            + " "
            + script
            + " exit-in-call";
    McpClient client = connect(McpServerSpec.stdio("orphans", "sh", "-c", command).build());
    assertThat(ProcessTable.runningWithArgument(marker)).hasSize(1);

    // when
    CompletableFuture<McpToolResult> crash = client.callTool("crash", "{}");

    // then
    assertThatThrownBy(() -> crash.get(WAIT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(McpConnectionClosedException.class)
        .hasMessageContaining("exit code 3");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (!ProcessTable.runningWithArgument(marker).isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(ProcessTable.runningWithArgument(marker)).isEmpty();
    client.close();
  }

  @Test
  void sigkillFailsCallsInFlightWithinOneSecond() throws Exception {
    // given
    McpClient client = connect(TestServers.misbehaving("killed", "normal").build());
    List<CompletableFuture<McpToolResult>> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      calls.add(client.callTool("hang", "{}"));
    }
    ProcessHandle process = ProcessHandle.of(client.state().pid()).orElseThrow();
    long start = System.nanoTime();

    // when
    process.destroyForcibly();

    // then
    for (CompletableFuture<McpToolResult> call : calls) {
      assertThatThrownBy(() -> call.get(WAIT_SECONDS, TimeUnit.SECONDS))
          .cause()
          .isInstanceOfSatisfying(
              McpConnectionClosedException.class,
              error -> assertThat(error.exitCode()).hasValue(137));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    client.close();
  }

  @Test
  void closeFailsPendingCallsAtOnce() throws Exception {
    // given
    McpClient client = connect(TestServers.misbehaving("closing", "normal").build());
    CompletableFuture<McpToolResult> call = client.callTool("hang", "{}");

    // when
    client.close();

    // then
    assertThat(call).isCompletedExceptionally();
    assertThatThrownBy(call::join)
        .cause()
        .isInstanceOf(McpConnectionClosedException.class)
        .hasMessageContaining("closed by the client");
    assertThatThrownBy(() -> client.callTool("echo", "{}").join())
        .cause()
        .isInstanceOf(McpConnectionClosedException.class);
  }

  @Test
  void closeIsIdempotent() throws Exception {
    // given
    McpClient client = connect(TestServers.misbehaving("twice", "normal").build());
    client.close();
    long start = System.nanoTime();

    // when
    client.close();

    // then
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
  }
}
