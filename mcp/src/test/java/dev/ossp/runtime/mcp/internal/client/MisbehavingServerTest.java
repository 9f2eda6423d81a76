package dev.ossp.runtime.mcp.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.mcp.McpCancelledException;
import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpClientOptions;
import dev.ossp.runtime.mcp.McpConnectionClosedException;
import dev.ossp.runtime.mcp.McpLogMessage;
import dev.ossp.runtime.mcp.McpMessageTooLargeException;
import dev.ossp.runtime.mcp.McpNotificationListener;
import dev.ossp.runtime.mcp.McpProtocolException;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpSpawnException;
import dev.ossp.runtime.mcp.McpTimeoutException;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.TestServers;
import dev.ossp.runtime.mcp.internal.jsonrpc.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against small servers that break the rules in one way each. */
class MisbehavingServerTest {
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
    return connect(spec, McpClientOptions.defaults());
  }

  private static McpClient connect(McpServerSpec spec, McpClientOptions options) throws Exception {
    return connector.connect(spec, options).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    return assertThatThrownBy(() -> future.get(WAIT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .actual()
        .getCause();
  }

  @Test
  void bannerLineOnStdoutIsSkipped() throws Exception {
    // given
    try (McpClient client = connect(TestServers.misbehaving("banner", "banner").build())) {
      // when
      McpToolResult result =
          client.callTool("echo", "{\"message\":\"a\"}").get(WAIT_SECONDS, TimeUnit.SECONDS);

      // then
      assertThat(result.text()).isEqualTo("Echo: a");
    }
  }

  @Test
  void logLinesBetweenAnswersAreSkipped() throws Exception {
    // given
    try (McpClient client = connect(TestServers.misbehaving("chatty", "chatty").build())) {
      // when
      List<CompletableFuture<McpToolResult>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(client.callTool("echo", "{\"message\":\"" + i + "\"}"));
      }

      // then
      for (int i = 0; i < 20; i++) {
        assertThat(calls.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS).text()).isEqualTo("Echo: " + i);
      }
    }
  }

  @Test
  void twentyMegabyteLineIsRead() throws Exception {
    // given
    try (McpClient client = connect(TestServers.misbehaving("large", "large").build())) {
      // when
      McpToolResult result = client.callTool("big", "{}").get(WAIT_SECONDS, TimeUnit.SECONDS);

      // then
      assertThat(result.text()).hasSize(20 * 1024 * 1024);
    }
  }

  @Test
  void lineOverTheLimitFailsOnlyItsRequest() throws Exception {
    // given
    McpServerSpec spec =
        TestServers.misbehaving("large-limited", "large").maxMessageSize(1024 * 1024).build();
    try (McpClient client = connect(spec)) {
      // when
      CompletableFuture<McpToolResult> big = client.callTool("big", "{}");

      // then
      assertThat(failureOf(big))
          .isInstanceOfSatisfying(
              McpMessageTooLargeException.class,
              error -> {
                assertThat(error.size()).isGreaterThan(20L * 1024 * 1024);
                assertThat(error.limit()).isEqualTo(1024 * 1024);
                assertThat(error.method()).contains("tools/call");
              });
      assertThat(
              client
                  .callTool("echo", "{\"message\":\"still\"}")
                  .get(WAIT_SECONDS, TimeUnit.SECONDS)
                  .text())
          .isEqualTo("Echo: still");
    }
  }

  @Test
  void multiByteCharactersSplitAcrossReadsDecode() throws Exception {
    // given
    try (McpClient client = connect(TestServers.misbehaving("utf8", "split-utf8").build())) {
      // when
      McpToolResult result = client.callTool("unicode", "{}").get(WAIT_SECONDS, TimeUnit.SECONDS);

      // then
      assertThat(result.text()).isEqualTo("héllo wörld ✓ 😀 ünïcödé");
    }
  }

  @Test
  void megabytesOfStderrDoNotBlock() throws Exception {
    // given
    McpServerSpec spec = TestServers.misbehaving("stderr", "stderr-flood").build();

    // when
    try (McpClient client = connect(spec)) {
      // then
      assertThat(
              client
                  .callTool("echo", "{\"message\":\"ok\"}")
                  .get(WAIT_SECONDS, TimeUnit.SECONDS)
                  .text())
          .isEqualTo("Echo: ok");
    }
  }

  @Test
  void exitDuringCallReportsCodeAndStderr() throws Exception {
    // given
    try (McpClient client = connect(TestServers.misbehaving("crash", "exit-in-call").build())) {
      CompletableFuture<McpToolResult> hanging = client.callTool("hang", "{}");
      long start = System.nanoTime();

      // when
      CompletableFuture<McpToolResult> crash = client.callTool("crash", "{}");

      // then
      assertThat(failureOf(crash))
          .isInstanceOfSatisfying(
              McpConnectionClosedException.class,
              error -> {
                assertThat(error.exitCode()).hasValue(3);
                assertThat(error.stderrTail()).contains("crashing on purpose");
                assertThat(error.getMessage()).contains("exit code 3").contains("tools/call");
              });
      assertThat(failureOf(hanging)).isInstanceOf(McpConnectionClosedException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(client.isConnected()).isFalse();
      assertThat(client.state().exitCode()).hasValue(3);
    }
  }

  @Test
  void exitDuringInitializeIsNotATimeout() {
    // given
    McpServerSpec spec =
        TestServers.misbehaving("init-crash", "exit-in-init")
            .initializeTimeout(Duration.ofSeconds(30))
            .build();
    long start = System.nanoTime();

    // when
    CompletableFuture<?> connecting = connector.connect(spec);

    // then
    assertThat(failureOf(connecting))
        .isInstanceOfSatisfying(
            McpConnectionClosedException.class,
            error -> {
              assertThat(error.exitCode()).hasValue(4);
              assertThat(error.stderrTail()).contains("cannot initialize, exiting");
              assertThat(error.method()).contains("initialize");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void shortTimeoutFiresBeforeLongerPendingCall() throws Exception {
    // given
    try (McpClient client = connect(TestServers.misbehaving("slow-and-fast", "normal").build())) {
      CompletableFuture<McpToolResult> slow =
          client.callTool(McpToolCall.builder("hang").timeout(Duration.ofSeconds(20)).build());

      // when
      long start = System.nanoTime();
      CompletableFuture<McpToolResult> fast =
          client.callTool(McpToolCall.builder("hang").timeout(Duration.ofMillis(200)).build());

      // then
      assertThat(failureOf(fast)).isInstanceOf(McpTimeoutException.class);
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(200));
      assertThat(waited).isLessThan(Duration.ofSeconds(5));
      assertThat(slow).isNotDone();
      assertThat(client.state().inFlight()).isEqualTo(1);
    }
  }

  @Test
  void timeoutsFireForCallsSentOneAfterAnother() throws Exception {
    // given
    try (McpClient client = connect(TestServers.misbehaving("sequence", "normal").build())) {
      List<CompletableFuture<McpToolResult>> calls = new ArrayList<>();

      // when
      for (int i = 0; i < 5; i++) {
        calls.add(
            client.callTool(
                McpToolCall.builder("hang").timeout(Duration.ofMillis(100L * (i + 1))).build()));
      }

      // then
      for (CompletableFuture<McpToolResult> call : calls) {
        assertThat(failureOf(call)).isInstanceOf(McpTimeoutException.class);
      }
      assertThat(client.state().inFlight()).isZero();
    }
  }

  @Test
  void timeoutSendsCancellationTheServerSees() throws Exception {
    // given
    LinkedBlockingQueue<McpLogMessage> logs = new LinkedBlockingQueue<>();
    McpClientOptions options =
        McpClientOptions.builder()
            .listener(
                new McpNotificationListener() {
                  @Override
                  public void onLogMessage(McpLogMessage message) {
                    logs.add(message);
                  }
                })
            .build();
    try (McpClient client = connect(TestServers.misbehaving("silent", "normal").build(), options)) {
      // when
      CompletableFuture<McpToolResult> call =
          client.callTool(McpToolCall.builder("hang").timeout(Duration.ofMillis(300)).build());

      // then
      assertThat(failureOf(call))
          .isInstanceOfSatisfying(
              McpTimeoutException.class,
              error -> assertThat(error.timeout()).isEqualTo(Duration.ofMillis(300)));
      McpLogMessage seen = logs.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(seen).isNotNull();
      var data = Json.parse(seen.dataJson(), "data");
      assertThat(data.path("cancelled").asLong())
          .isEqualTo(
              ((java.util.concurrent.Future<?>) call)
                      instanceof dev.ossp.runtime.mcp.internal.jsonrpc.RequestFuture<?> request
                  ? request.id()
                  : -1);
      assertThat(data.path("reason").asText()).isEqualTo("timed out");
      assertThat(client.state().inFlight()).isZero();
    }
  }

  @Test
  void explicitCancelSendsTheReason() throws Exception {
    // given
    LinkedBlockingQueue<McpLogMessage> logs = new LinkedBlockingQueue<>();
    McpClientOptions options =
        McpClientOptions.builder()
            .listener(
                new McpNotificationListener() {
                  @Override
                  public void onLogMessage(McpLogMessage message) {
                    logs.add(message);
                  }
                })
            .build();
    try (McpClient client = connect(TestServers.misbehaving("cancel", "normal").build(), options)) {
      CompletableFuture<McpToolResult> call = client.callTool("hang", "{}");

      // when
      boolean cancelled = client.cancel(call, "user pressed stop");

      // then
      assertThat(cancelled).isTrue();
      assertThat(failureOf(call))
          .isInstanceOfSatisfying(
              McpCancelledException.class,
              error -> assertThat(error.reason()).isEqualTo("user pressed stop"));
      McpLogMessage seen = logs.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(seen).isNotNull();
      assertThat(Json.parse(seen.dataJson(), "data").path("reason").asText())
          .isEqualTo("user pressed stop");
      assertThat(client.cancel(call, "again")).isFalse();
    }
  }

  @Test
  void unsupportedProtocolVersionFailsNamingBoth() {
    // given
    McpServerSpec spec = TestServers.misbehaving("old", "version:1999-01-01").build();

    // when
    CompletableFuture<?> connecting = connector.connect(spec);

    // then
    assertThat(failureOf(connecting))
        .isInstanceOf(McpProtocolException.class)
        .hasMessageContaining("1999-01-01")
        .hasMessageContaining("2025-11-25");
  }

  @Test
  void missingProtocolVersionFails() {
    // given
    McpServerSpec spec = TestServers.misbehaving("none", "version:").build();

    // when
    CompletableFuture<?> connecting = connector.connect(spec);

    // then
    assertThat(failureOf(connecting))
        .isInstanceOf(McpProtocolException.class)
        .hasMessageContaining("no protocolVersion")
        .hasMessageContaining("2025-11-25");
  }

  @Test
  void olderSupportedVersionIsAccepted() throws Exception {
    // given
    McpServerSpec spec = TestServers.misbehaving("older", "version:2025-03-26").build();

    // when
    try (McpClient client = connect(spec)) {
      // then
      assertThat(client.serverInfo().protocolVersion()).isEqualTo("2025-03-26");
    }
  }

  @Test
  void missingCommandNamesItAndThePath() {
    // given
    McpServerSpec spec =
        McpServerSpec.stdio("missing", "no-such-mcp-server-binary").env("PATH", "/usr/bin").build();

    // when
    CompletableFuture<?> connecting = connector.connect(spec);

    // then
    assertThat(failureOf(connecting))
        .isInstanceOf(McpSpawnException.class)
        .hasMessageContaining("no-such-mcp-server-binary")
        .hasMessageContaining("/usr/bin");
  }
}
