package dev.ossp.runtime.mcp.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpClientOptions;
import dev.ossp.runtime.mcp.McpCompletion;
import dev.ossp.runtime.mcp.McpCompletionRequest;
import dev.ossp.runtime.mcp.McpContent;
import dev.ossp.runtime.mcp.McpJsonRpcException;
import dev.ossp.runtime.mcp.McpListKind;
import dev.ossp.runtime.mcp.McpLogLevel;
import dev.ossp.runtime.mcp.McpNotificationListener;
import dev.ossp.runtime.mcp.McpProgress;
import dev.ossp.runtime.mcp.McpPrompt;
import dev.ossp.runtime.mcp.McpPromptResult;
import dev.ossp.runtime.mcp.McpResource;
import dev.ossp.runtime.mcp.McpResourceContents;
import dev.ossp.runtime.mcp.McpResourceTemplate;
import dev.ossp.runtime.mcp.McpRoot;
import dev.ossp.runtime.mcp.McpServerRequest;
import dev.ossp.runtime.mcp.McpTool;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.TestServers;
import dev.ossp.runtime.mcp.internal.jsonrpc.Json;
import dev.ossp.runtime.mcp.internal.stdio.StdioTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the reference server-everything over stdio. */
class EverythingServerTest {
  private static final long WAIT_SECONDS = 10;

  private static ClientResources resources;
  private static DefaultMcpConnector connector;
  private static McpClient client;
  private static final List<String> samplingPrompts = new CopyOnWriteArrayList<>();
  private static final List<McpListKind> listChanges = new CopyOnWriteArrayList<>();

  @TempDir static Path rootDirectory;

  @BeforeAll
  static void connect() throws Exception {
    resources = ClientResources.defaults();
    connector =
        new DefaultMcpConnector(
            resources,
            spec -> {
              throw new UnsupportedOperationException("no HTTP in this test");
            });
    McpClientOptions options =
        McpClientOptions.builder()
            .samplingHandler(EverythingServerTest::sample)
            .listener(
                new McpNotificationListener() {
                  @Override
                  public void onListChanged(String serverId, McpListKind kind) {
                    listChanges.add(kind);
                  }
                })
            .build();
    client =
        connector
            .connect(
                TestServers.everything("everything")
                    .root(McpRoot.ofDirectory(rootDirectory))
                    .build(),
                options)
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static CompletableFuture<String> sample(McpServerRequest request) {
    samplingPrompts.add(request.paramsJson());
    return CompletableFuture.completedFuture(
        "{\"role\":\"assistant\",\"model\":\"test-model\",\"stopReason\":\"endTurn\","
            + "\"content\":{\"type\":\"text\",\"text\":\"sampled answer 42\"}}");
  }

  @AfterAll
  static void close() {
    client.close();
    resources.close();
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void handshakeRecordsServerInfo() {
    // when
    var info = client.serverInfo();

    // then
    assertThat(info.name()).isEqualTo("mcp-servers/everything");
    assertThat(info.version()).isEqualTo("2.0.0");
    assertThat(info.protocolVersion()).isEqualTo("2025-11-25");
    assertThat(info.capabilities()).contains("tools", "prompts", "resources", "logging");
    assertThat(info.instructionsText()).isPresent();
    assertThat(client.state().connected()).isTrue();
    assertThat(client.state().processId()).isPresent();
  }

  @Test
  void listToolsIncludesCapabilityTools() throws Exception {
    // when
    List<McpTool> tools = await(client.listTools());

    // then
    assertThat(tools)
        .extracting(McpTool::name)
        .contains(
            "echo",
            "get-sum",
            "get-tiny-image",
            "get-structured-content",
            "trigger-long-running-operation",
            "get-roots-list",
            "trigger-sampling-request");
    McpTool longRunning =
        tools.stream()
            .filter(tool -> tool.name().equals("trigger-long-running-operation"))
            .findFirst()
            .orElseThrow();
    assertThat(longRunning.readOnlyHint()).isTrue();
    assertThat(longRunning.safeToRetry()).isTrue();
    assertThat(Json.parse(longRunning.inputSchemaJson(), "schema").path("properties").has("steps"))
        .isTrue();
  }

  @Test
  void echoReturnsText() throws Exception {
    // when
    McpToolResult result = await(client.callTool("echo", "{\"message\":\"hi\"}"));

    // then
    assertThat(result.isError()).isFalse();
    assertThat(result.text()).isEqualTo("Echo: hi");
  }

  @Test
  void sumWithMapArguments() throws Exception {
    // when
    McpToolResult result =
        await(
            client.callTool(
                McpToolCall.builder("get-sum").argument("a", 2).argument("b", 3).build()));

    // then
    assertThat(result.text()).isEqualTo("The sum of 2 and 3 is 5.");
  }

  @Test
  void structuredContentIsJson() throws Exception {
    // when
    McpToolResult result =
        await(client.callTool("get-structured-content", "{\"location\":\"New York\"}"));

    // then
    assertThat(result.structuredContent()).isPresent();
    var structured = Json.parse(result.structuredContent().orElseThrow(), "structured");
    assertThat(structured.has("temperature")).isTrue();
    assertThat(structured.has("conditions")).isTrue();
  }

  @Test
  void tinyImageIsDecodedPng() throws Exception {
    // when
    McpToolResult result = await(client.callTool("get-tiny-image", "{}"));

    // then
    McpContent.Image image =
        result.content().stream()
            .filter(McpContent.Image.class::isInstance)
            .map(McpContent.Image.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(image.mimeType()).isEqualTo("image/png");
    assertThat(image.bytes()).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void resourceLinksAndEmbeddedResources() throws Exception {
    // when
    McpToolResult links = await(client.callTool("get-resource-links", "{\"count\":2}"));
    McpToolResult reference = await(client.callTool("get-resource-reference", "{}"));

    // then
    assertThat(links.content()).filteredOn(McpContent.ResourceLink.class::isInstance).hasSize(2);
    assertThat(reference.content())
        .filteredOn(McpContent.EmbeddedResource.class::isInstance)
        .singleElement()
        .satisfies(
            block ->
                assertThat(((McpContent.EmbeddedResource) block).resource().uri())
                    .startsWith("demo://"));
  }

  @Test
  void longRunningOperationReportsProgress() throws Exception {
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
    assertThat(result.text()).contains("Long running operation completed");
    assertThat(progress).extracting(McpProgress::progress).containsExactly(1.0, 2.0, 3.0);
    assertThat(progress).allSatisfy(p -> assertThat(p.total()).isEqualTo(3.0));
  }

  @Test
  void cancellationMidwayStopsTheCall() throws Exception {
    // given
    CountDownLatch firstProgress = new CountDownLatch(1);
    McpToolCall call =
        McpToolCall.builder("trigger-long-running-operation")
            .argumentsJson("{\"duration\":5,\"steps\":10}")
            .progressListener(p -> firstProgress.countDown())
            .build();
    CompletableFuture<McpToolResult> running = client.callTool(call);
    assertThat(firstProgress.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

    // when
    boolean cancelled = running.cancel(true);

    // then
    assertThat(cancelled).isTrue();
    assertThat(running).isCancelled();
    assertThat(client.state().inFlight()).isZero();
    assertThat(await(client.callTool("echo", "{\"message\":\"after\"}")).text())
        .isEqualTo("Echo: after");
  }

  @Test
  void samplingGoesToTheHandler() throws Exception {
    // when
    McpToolResult result =
        await(
            client.callTool(
                "trigger-sampling-request", "{\"prompt\":\"say hi\",\"maxTokens\":20}"));

    // then
    assertThat(result.isError()).isFalse();
    assertThat(result.text()).contains("sampled answer 42");
    assertThat(samplingPrompts).anySatisfy(params -> assertThat(params).contains("say hi"));
  }

  @Test
  void rootsComeFromTheSpec() throws Exception {
    // when
    McpToolResult result = await(client.callTool("get-roots-list", "{}"));

    // then
    assertThat(result.text()).contains(rootDirectory.toUri().toString());
  }

  @Test
  void toolListChangesAreAnnounced() {
    // then: everything registers capability tools after initialization and announces them
    assertThat(listChanges).contains(McpListKind.TOOLS);
  }

  @Test
  void resourcesListReadAndSubscribe() throws Exception {
    // when
    List<McpResource> resources = await(client.listResources());
    List<McpResourceTemplate> templates = await(client.listResourceTemplates());
    String uri = resources.get(0).uri();
    List<McpResourceContents> contents = await(client.readResource(uri));
    await(client.subscribeResource(uri));
    await(client.unsubscribeResource(uri));

    // then
    assertThat(resources).isNotEmpty();
    assertThat(resources).extracting(McpResource::uri).allMatch(u -> u.startsWith("demo://"));
    assertThat(templates)
        .extracting(McpResourceTemplate::uriTemplate)
        .anyMatch(t -> t.contains("{resourceId}"));
    assertThat(contents).singleElement().isInstanceOf(McpResourceContents.Text.class);
    assertThat(contents.get(0).uri()).isEqualTo(uri);
  }

  @Test
  void promptsListAndGetWithArguments() throws Exception {
    // when
    List<McpPrompt> prompts = await(client.listPrompts());
    McpPromptResult prompt =
        await(client.getPrompt("args-prompt", Map.of("city", "Paris", "state", "Texas")));

    // then
    assertThat(prompts)
        .extracting(McpPrompt::name)
        .contains("simple-prompt", "args-prompt", "completable-prompt");
    McpPrompt args =
        prompts.stream().filter(p -> p.name().equals("args-prompt")).findFirst().orElseThrow();
    assertThat(args.arguments())
        .extracting(McpPrompt.Argument::name, McpPrompt.Argument::required)
        .contains(org.assertj.core.groups.Tuple.tuple("city", true));
    assertThat(prompt.messages())
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.role()).isEqualTo("user");
              assertThat(((McpContent.Text) message.content()).text()).contains("Paris, Texas");
            });
  }

  @Test
  void completionUsesContextArguments() throws Exception {
    // when
    McpCompletion departments =
        await(
            client.complete(
                McpCompletionRequest.forPrompt("completable-prompt", "department", "S")));
    McpCompletion names =
        await(
            client.complete(
                McpCompletionRequest.forPrompt("completable-prompt", "name", "")
                    .withContext(Map.of("department", "Sales"))));

    // then
    assertThat(departments.values()).containsExactly("Sales", "Support");
    assertThat(names.values()).containsExactly("David", "Eve", "Frank");
  }

  @Test
  void loggingLevelAndPing() throws Exception {
    // when
    await(client.setLoggingLevel(McpLogLevel.WARNING));
    Duration roundTrip = await(client.ping());

    // then
    assertThat(roundTrip).isPositive().isLessThan(Duration.ofSeconds(WAIT_SECONDS));
  }

  @Test
  void unknownToolIsAnErrorResult() throws Exception {
    // when
    McpToolResult result = await(client.callTool("no_such_tool", "{}"));

    // then
    assertThat(result.isError()).isTrue();
    assertThat(result.text()).contains("no_such_tool");
    assertThatThrownBy(() -> result.orThrow("everything", "no_such_tool"))
        .hasMessageContaining("no_such_tool");
  }

  @Test
  void invalidArgumentsAreAnErrorResult() throws Exception {
    // when
    McpToolResult result = await(client.callTool("get-sum", "{\"a\":\"two\",\"b\":3}"));

    // then
    assertThat(result.isError()).isTrue();
    assertThat(result.text()).contains("-32602");
  }

  @Test
  void unknownMethodIsAJsonRpcError() {
    // when
    CompletableFuture<String> answer = client.request("no/such-method", "{}");

    // then
    assertThatThrownBy(() -> await(answer))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            McpJsonRpcException.class,
            error -> {
              assertThat(error.code()).isEqualTo(McpJsonRpcException.METHOD_NOT_FOUND);
              assertThat(error.method()).contains("no/such-method");
              assertThat(error.serverId()).contains("everything");
            });
  }

  @Test
  void hundredConcurrentCallsMatchTheirAnswers() throws Exception {
    // given
    List<CompletableFuture<McpToolResult>> calls = new java.util.ArrayList<>();

    // when
    for (int i = 0; i < 100; i++) {
      calls.add(client.callTool("echo", "{\"message\":\"m" + i + "\"}"));
    }

    // then
    for (int i = 0; i < 100; i++) {
      assertThat(await(calls.get(i)).text()).isEqualTo("Echo: m" + i);
    }
    assertThat(client.state().inFlight()).isZero();
  }

  @Test
  void stdioTransportClassIsUsed() {
    // then: this suite runs over the real stdio transport, not another one
    assertThat(((DefaultMcpClient) client).connection().transport())
        .isInstanceOf(StdioTransport.class);
  }
}
