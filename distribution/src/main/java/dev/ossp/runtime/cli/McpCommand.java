package dev.ossp.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpContent;
import dev.ossp.runtime.mcp.McpPool;
import dev.ossp.runtime.mcp.McpTool;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.McpToolResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** MCP client commands, through the runtime's MCP pool. */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = "Lists and calls the tools of MCP servers through the runtime's MCP pool.",
    subcommands = {McpCommand.Tools.class, McpCommand.Call.class})
final class McpCommand implements Runnable {
  @picocli.CommandLine.Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing command: tools or call");
  }

  /** The options both subcommands share. */
  static final class ServerOptions {
    @Parameters(
        index = "0",
        paramLabel = "SERVER",
        description = "Server id under mcp.servers, or a name for --command.")
    String serverId;

    @Option(
        names = "--command",
        paramLabel = "'CMD ARGS'",
        description =
            "Start this stdio server instead of a configured one, such as --command 'npx -y @modelcontextprotocol/server-everything stdio'.")
    @Nullable String commandLine;

    @Option(
        names = "--timeout",
        paramLabel = "DURATION",
        defaultValue = "60s",
        converter = DurationConverter.Positive.class,
        description =
            "How long starting the server and the request may take. Default: ${DEFAULT-VALUE}.")
    Duration timeout = Duration.ofSeconds(60);

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;
  }

  /** Lists a server's tools. */
  @Command(
      name = "tools",
      mixinStandardHelpOptions = true,
      description = "Lists the tools of an MCP server.")
  static final class Tools implements Callable<Integer> {
    private final CliContext context;

    @Mixin private ServerOptions server;

    @Mixin private RuntimeOptions runtimeOptions;

    Tools(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      List<McpTool> tools;
      try (OsspRuntime runtime = LocalRuntime.startWithoutStore(runtimeOptions, context.home())) {
        McpPool pool = McpSupport.pool(runtime, server.serverId, server.commandLine);
        McpClient client =
            McpSupport.await(
                pool.acquire(server.serverId),
                server.timeout,
                "starting MCP server '" + server.serverId + "'");
        tools =
            McpSupport.await(
                client.listTools(), server.timeout, "tools/list on '" + server.serverId + "'");
      }
      Output output = context.output();
      if (server.json) {
        ArrayNode array = Output.JSON.createArrayNode();
        for (McpTool tool : tools) {
          ObjectNode node = array.addObject();
          node.put("name", tool.name());
          node.put("description", tool.description());
          node.set("inputSchema", Output.parse(tool.inputSchemaJson()));
          node.put("readOnly", tool.readOnlyHint());
        }
        output.json(array);
        return OsspCli.EXIT_OK;
      }
      List<List<String>> rows = new ArrayList<>();
      for (McpTool tool : tools) {
        rows.add(
            List.of(tool.name(), required(tool.inputSchemaJson()), firstLine(tool.description())));
      }
      output.table(List.of("TOOL", "REQUIRED ARGUMENTS", "DESCRIPTION"), rows);
      output.println(output.dim(tools.size() + " tool(s) on '" + server.serverId + "'"));
      return OsspCli.EXIT_OK;
    }
  }

  /** Calls one tool. */
  @Command(
      name = "call",
      mixinStandardHelpOptions = true,
      description = {
        "Calls a tool of an MCP server and prints its result.",
        "Example: ossp-runtime mcp call filesystem read_text_file --arg path=examples/mcp-servers.yaml"
      })
  static final class Call implements Callable<Integer> {
    private final CliContext context;

    @Mixin private ServerOptions server;

    @Parameters(index = "1", paramLabel = "TOOL", description = "The tool's name.")
    private String tool;

    @Option(
        names = "--arg",
        paramLabel = "KEY=VALUE",
        description =
            "A string argument of the tool; repeatable. Use --json-args for numbers, lists and objects.")
    private List<String> arguments = new ArrayList<>();

    @Option(
        names = "--json-args",
        paramLabel = "JSON",
        description = "The arguments as one JSON object; --arg values are added to it.")
    private @Nullable String jsonArguments;

    @Mixin private RuntimeOptions runtimeOptions;

    Call(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      String argumentsJson = argumentsJson();
      McpToolResult result;
      try (OsspRuntime runtime = LocalRuntime.startWithoutStore(runtimeOptions, context.home())) {
        McpPool pool = McpSupport.pool(runtime, server.serverId, server.commandLine);
        result =
            McpSupport.await(
                pool.callTool(server.serverId, McpToolCall.of(tool, argumentsJson)),
                server.timeout,
                "tools/call " + tool + " on '" + server.serverId + "'");
      }
      print(context.output(), result, server.json);
      return result.isError() ? OsspCli.EXIT_FAILURE : OsspCli.EXIT_OK;
    }

    private String argumentsJson() {
      ObjectNode object;
      if (jsonArguments == null) {
        object = Output.JSON.createObjectNode();
      } else {
        JsonNode parsed;
        try {
          parsed = Output.JSON.readTree(jsonArguments);
        } catch (IOException e) {
          throw CliException.usage(
              "invalid --json-args: not JSON ("
                  + e.getMessage().lines().findFirst().orElse("")
                  + ")");
        }
        if (parsed == null || !parsed.isObject()) {
          throw CliException.usage(
              "invalid --json-args: expected a JSON object such as {\"a\":2,\"b\":3}");
        }
        object = (ObjectNode) parsed;
      }
      for (String argument : arguments) {
        int equals = argument.indexOf('=');
        if (equals <= 0) {
          throw CliException.usage(
              "invalid --arg '" + argument + "': expected KEY=VALUE, such as --arg path=README.md");
        }
        object.put(argument.substring(0, equals), argument.substring(equals + 1));
      }
      return object.toString();
    }
  }

  /** Prints a tool result: its text blocks, or JSON. */
  static void print(Output output, McpToolResult result, boolean json) {
    if (json) {
      ObjectNode node = Output.JSON.createObjectNode();
      node.put("isError", result.isError());
      ArrayNode content = node.putArray("content");
      for (McpContent block : result.content()) {
        ObjectNode entry = content.addObject().put("type", block.type());
        if (block instanceof McpContent.Text text) {
          entry.put("text", text.text());
        }
      }
      result
          .structuredContent()
          .ifPresent(structured -> node.set("structuredContent", Output.parse(structured)));
      output.json(node);
      return;
    }
    if (result.isError()) {
      output.error("the tool reported an error: " + result.text());
      return;
    }
    output.println(result.text());
  }

  private static String required(String schemaJson) {
    List<String> names = new ArrayList<>();
    Output.parse(schemaJson).path("required").forEach(name -> names.add(name.asText()));
    return String.join(", ", names);
  }

  private static String firstLine(@Nullable String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }
}
