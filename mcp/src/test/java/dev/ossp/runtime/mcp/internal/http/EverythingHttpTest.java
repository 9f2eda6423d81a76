package dev.ossp.runtime.mcp.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpClientOptions;
import dev.ossp.runtime.mcp.McpProgress;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpTool;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.TestServers;
import dev.ossp.runtime.mcp.internal.client.ClientResources;
import dev.ossp.runtime.mcp.internal.client.DefaultMcpConnector;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client over Streamable HTTP against server-everything in its streamableHttp mode. */
class EverythingHttpTest {
  private static final long WAIT_SECONDS = 10;

  private static Process server;
  private static ClientResources resources;
  private static DefaultMcpConnector connector;
  private static McpClient client;

  @BeforeAll
  static void startServer() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                TestServers.node(),
                TestServers.packageScript("server-everything"),
                "streamableHttp")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PORT", Integer.toString(port));
    server = builder.start();
    CompletableFuture<Boolean> listening = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  if (line.contains("listening on port")) {
                    listening.complete(true);
                  }
                }
              } catch (java.io.IOException e) {
                listening.completeExceptionally(e);
              }
              listening.complete(false);
            });
    reader.setDaemon(true);
    reader.start();
    assertThat(listening.get(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    resources = ClientResources.defaults();
    connector =
        new DefaultMcpConnector(
            resources,
            spec -> new StreamableHttpTransport(spec, resources.executor(), resources.scheduler()));
    McpClientOptions options =
        McpClientOptions.builder()
            .samplingHandler(
                request ->
                    CompletableFuture.completedFuture(
                        "{\"role\":\"assistant\",\"model\":\"m\",\"content\":{\"type\":\"text\","
                            + "\"text\":\"over http\"}}"))
            .build();
    McpServerSpec spec =
        McpServerSpec.streamableHttp(
                "everything-http", URI.create("http://127.0.0.1:" + port + "/mcp"))
            .build();
    client = connector.connect(spec, options).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (client != null) {
      client.close();
    }
    if (resources != null) {
      resources.close();
    }
    server.destroy();
    if (!server.waitFor(5, TimeUnit.SECONDS)) {
      server.destroyForcibly();
    }
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void handshakeOverHttp() {
    // then
    assertThat(client.serverInfo().name()).isEqualTo("mcp-servers/everything");
    assertThat(client.serverInfo().protocolVersion()).isEqualTo("2025-11-25");
    assertThat(client.state().processId()).isEmpty();
  }

  @Test
  void toolsListAndEcho() throws Exception {
    // when
    List<McpTool> tools = await(client.listTools());
    McpToolResult echo = await(client.callTool("echo", "{\"message\":\"over http\"}"));

    // then
    assertThat(tools).extracting(McpTool::name).contains("echo", "get-sum");
    assertThat(echo.text()).isEqualTo("Echo: over http");
  }

  @Test
  void progressArrivesOnTheResponseStream() throws Exception {
    // given
    List<McpProgress> progress = new CopyOnWriteArrayList<>();
    McpToolCall call =
        McpToolCall.builder("trigger-long-running-operation")
            .argumentsJson("{\"duration\":0.3,\"steps\":3}")
            .progressListener(progress::add)
            .build();

    // when
    McpToolResult result = await(client.callTool(call));

    // then
    assertThat(result.text()).contains("completed");
    assertThat(progress).hasSize(3);
  }

  @Test
  void samplingRequestIsAnsweredOverHttp() throws Exception {
    // when
    McpToolResult result =
        await(client.callTool("trigger-sampling-request", "{\"prompt\":\"p\",\"maxTokens\":5}"));

    // then
    assertThat(result.isError()).isFalse();
    assertThat(result.text()).contains("over http");
  }

  @Test
  void concurrentCallsOverHttp() throws Exception {
    // given
    List<CompletableFuture<McpToolResult>> calls = new ArrayList<>();

    // when
    for (int i = 0; i < 50; i++) {
      calls.add(client.callTool("get-sum", "{\"a\":" + i + ",\"b\":1}"));
    }

    // then
    for (int i = 0; i < 50; i++) {
      assertThat(await(calls.get(i)).text()).contains("is " + (i + 1) + ".");
    }
  }

  @Test
  void resourcesAndPromptsOverHttp() throws Exception {
    // then
    assertThat(await(client.listResources())).isNotEmpty();
    assertThat(await(client.listPrompts())).isNotEmpty();
    assertThat(await(client.ping())).isPositive();
  }
}
