package dev.ossp.runtime.mcp.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpClientOptions;
import dev.ossp.runtime.mcp.McpElicitationRequest;
import dev.ossp.runtime.mcp.McpElicitationResult;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpTool;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.client.ClientResources;
import dev.ossp.runtime.mcp.internal.client.DefaultMcpConnector;
import dev.ossp.runtime.mcp.internal.jsonrpc.Json;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The client program the MCP conformance tool runs for its client scenarios: it receives the
 * scenario server's URL as its last argument and the scenario name in {@code
 * MCP_CONFORMANCE_SCENARIO}, connects over Streamable HTTP and does what the scenario expects.
 * Exits with 0 on success and 1 on any failure, printing the failure.
 */
public final class ConformanceClient {
  private static final long WAIT_SECONDS = 20;

  private ConformanceClient() {}

  /** Runs one scenario against the server at the last argument. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: ConformanceClient <server URL>");
      System.exit(2);
    }
    String url = args[args.length - 1];
    String scenario = System.getenv().getOrDefault("MCP_CONFORMANCE_SCENARIO", "initialize");
    int status = 0;
    try (ClientResources resources = ClientResources.defaults()) {
      DefaultMcpConnector connector =
          new DefaultMcpConnector(
              resources,
              spec ->
                  new StreamableHttpTransport(spec, resources.executor(), resources.scheduler()));
      McpClientOptions options =
          McpClientOptions.builder()
              .clientInfo("ossp-conformance-client", "0.1.0")
              .elicitationHandler(ConformanceClient::acceptWithDefaults)
              .build();
      McpServerSpec spec =
          McpServerSpec.streamableHttp("conformance", URI.create(url))
              .requestTimeout(Duration.ofSeconds(WAIT_SECONDS))
              .build();
      try (McpClient client =
          connector.connect(spec, options).get(WAIT_SECONDS, TimeUnit.SECONDS)) {
        run(scenario, client);
      }
    } catch (Exception e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  private static void run(String scenario, McpClient client) throws Exception {
    switch (scenario) {
      case "initialize" -> System.out.println("initialized: " + client.serverInfo());
      case "tools_call" -> call(client, "add_numbers", "{\"a\":5,\"b\":3}");
      case "elicitation-sep1034-client-defaults" ->
          call(client, "test_client_elicitation_defaults", "{}");
      case "sse-retry" -> call(client, "test_reconnection", "{}");
      default -> {
        List<McpTool> tools = client.listTools().get(WAIT_SECONDS, TimeUnit.SECONDS);
        System.out.println("scenario " + scenario + " has no script; tools: " + tools);
      }
    }
  }

  private static void call(McpClient client, String tool, String arguments) throws Exception {
    List<McpTool> tools = client.listTools().get(WAIT_SECONDS, TimeUnit.SECONDS);
    System.out.println("tools: " + tools.stream().map(McpTool::name).toList());
    McpToolResult result = client.callTool(tool, arguments).get(WAIT_SECONDS, TimeUnit.SECONDS);
    System.out.println(tool + " returned: " + result.text());
    if (result.isError()) {
      throw new IllegalStateException(tool + " returned an error result: " + result.text());
    }
  }

  /** Accepts an elicitation with the default of every property in the requested schema. */
  static CompletionStage<McpElicitationResult> acceptWithDefaults(McpElicitationRequest request) {
    JsonNode schema = Json.parse(request.requestedSchemaJson(), "requestedSchema");
    ObjectNode content = Json.object();
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      JsonNode fallback = property.getValue().get("default");
      if (fallback != null) {
        content.set(property.getKey(), fallback);
      }
    }
    return CompletableFuture.completedFuture(McpElicitationResult.accept(Json.write(content)));
  }
}
