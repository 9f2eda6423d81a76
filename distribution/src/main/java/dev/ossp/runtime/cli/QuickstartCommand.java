package dev.ossp.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.core.CoreConfigKeys;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.mcp.McpPool;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpTool;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.McpToolResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the tour of the runtime on real peers. It starts a node, registers the example agent cards
 * and the node's own card, and runs discovery queries over the node's HTTP API. It then sends an
 * A2A message to the node's own agent and calls the reference MCP filesystem server, when their
 * modules are installed. Last, it prints metrics and diagnostics, stops everything and checks that
 * no child process is left.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Shows every part of the runtime working, in six steps, and prints what each step did:",
      "  1. start a node on 127.0.0.1 (a free port unless --port is given)",
      "  2. register the example agent cards (A2A v0.3 and v1.0) and the node's own card",
      "  3. run discovery queries by domain, capability and version range",
      "  4. ask the node's own A2A agent, by its URN, to discover agents",
      "  5. start the reference MCP filesystem server on examples/, list its tools, read a file",
      "  6. print the metrics summary and diagnostics, stop everything, check no process is left",
      "Uses the configuration of 'serve' (registry under runtime.data-dir, ./var by default).",
      "Without Node.js 20+, step 5 says what to install and the other steps still run."
    })
final class QuickstartCommand implements Callable<Integer> {
  private static final int STEPS = 6;
  private static final Duration MCP_TIMEOUT = Duration.ofSeconds(120);

  private final CliContext context;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      defaultValue = "0",
      description = "TCP port of the node, 0..65535. Default: 0, a free port.")
  private int port;

  @Option(
      names = "--mcp-command",
      paramLabel = "'CMD ARGS'",
      description =
          "Command that starts the MCP filesystem server; the examples directory is appended."
              + " Default: mcp-server-filesystem from the PATH, else npx -y "
              + NodeJs.FILESYSTEM_PACKAGE
              + ".")
  private @Nullable String mcpCommand;

  @Option(
      names = "--json",
      description = "Print one JSON document with every step instead of the narrative.")
  private boolean json;

  @Mixin private RuntimeOptions runtimeOptions;

  QuickstartCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (port < 0 || port > 65535) {
      throw CliException.usage("invalid --port " + port + ": expected a whole number in 0..65535");
    }
    Path examples = context.home().require("examples");
    QuickstartReport report = new QuickstartReport(context.output(), json, STEPS);
    OsspRuntime runtime = null;
    String failure = null;
    try {
      runtime = startNode(report);
      Registered registered = registerCards(report, runtime, examples.resolve("agent-cards"));
      discover(report, runtime);
      QuickstartA2a.sendMessage(report, runtime, registered.ownCard(), registered.cards());
      callMcp(report, runtime, examples);
      report.begin(6, "Metrics, diagnostics and shutdown");
      QuickstartSummary.print(report, runtime);
    } catch (RuntimeException e) {
      failure = e.getMessage() == null ? e.toString() : e.getMessage();
      report.end(QuickstartReport.Status.FAILED, failure);
    } finally {
      String leftover = stop(report, runtime);
      if (failure == null && leftover != null) {
        failure = leftover;
      }
    }
    if (failure == null) {
      report.end(QuickstartReport.Status.OK, "node stopped, no process left behind");
    }
    return finish(report, failure);
  }

  private OsspRuntime startNode(QuickstartReport report) {
    report.begin(1, "Start a node on 127.0.0.1");
    OsspRuntime runtime =
        LocalRuntime.build(
            runtimeOptions
                .builder(context.home())
                .set(CoreConfigKeys.RUNTIME_SHUTDOWN_HOOK.name(), false)
                .set(CoreConfigKeys.NODE_ENABLED.name(), true)
                .set(CoreConfigKeys.NODE_HOST.name(), "127.0.0.1")
                .set(CoreConfigKeys.NODE_PORT.name(), port));
    try {
      runtime.start();
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
    report.line("URL          " + baseUrl(runtime));
    report.line("components   " + String.join(", ", runtime.components()));
    report.line("strategies   " + runtime.health().strategies());
    report.line("API key      " + ServeCommand.apiKeyLocation(runtime));
    report.end(QuickstartReport.Status.OK, "node running at " + baseUrl(runtime));
    return runtime;
  }

  /**
   * The cards registered in step 2.
   *
   * @param cards how many cards, the node's own included
   * @param ownCard the outcome for the node's own card
   */
  private record Registered(int cards, QuickstartA2a.OwnCard ownCard) {}

  private Registered registerCards(QuickstartReport report, OsspRuntime runtime, Path cards) {
    report.begin(2, "Register the example agent cards and the node's own card");
    AgentRegistry registry = LocalRuntime.require(runtime, AgentRegistry.class, "discovery");
    List<List<String>> rows = new ArrayList<>();
    for (Path domainDirectory : directories(cards)) {
      String domain = domainDirectory.getFileName().toString();
      for (Path card : RegisterCommand.cardFiles(domainDirectory)) {
        AgentRecord record =
            registry.upsert(
                AgentRegistration.builder(RegisterCommand.read(card)).domain(domain).build());
        rows.add(
            List.of(
                record.urn().toString(),
                AgentViews.shapeName(record.shape()),
                String.valueOf(record.revision()),
                cards.relativize(card).toString()));
      }
    }
    int examples = rows.size();

    QuickstartA2a.OwnCard ownCard =
        QuickstartA2a.registerOwnCard(runtime, registry, URI.create(baseUrl(runtime)));
    AgentRecord own = ownCard.record();
    if (own != null) {
      rows.add(
          List.of(
              own.urn().toString(),
              AgentViews.shapeName(own.shape()),
              String.valueOf(own.revision()),
              "(served by the node)"));
    }

    report.table(List.of("URN", "CARD", "REVISION", "FILE"), rows);
    report.line(ownCard.summary());
    report.end(
        QuickstartReport.Status.OK,
        examples
            + " example cards registered"
            + (own == null ? "; the node's own card is not" : " and the node's own card"));
    return new Registered(rows.size(), ownCard);
  }

  private void discover(QuickstartReport report, OsspRuntime runtime) {
    report.begin(3, "Run discovery queries through the node's registry API");
    NodeClient client = new NodeClient(URI.create(baseUrl(runtime)), null, Duration.ofSeconds(30));
    Map<String, String> queries =
        Map.of(
            "by domain: language", "/v1/agents?domain=language",
            "by capability: forecast", "/v1/agents?capability=forecast",
            "by version range: >=1.0.0 <3.0.0", "/v1/agents?version=%3E%3D1.0.0%20%3C3.0.0");
    int matches = 0;
    for (String title :
        List.of(
            "by domain: language", "by capability: forecast", "by version range: >=1.0.0 <3.0.0")) {
      String path = queries.get(title);
      JsonNode result = client.getJson(path);
      report.line("GET " + path + "  (" + title + ")");
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode agent : result.path("agents")) {
        rows.add(
            List.of(
                "  " + agent.path("urn").asText(),
                agent.path("name").asText(),
                agent.path("version").asText()));
      }
      if (rows.isEmpty()) {
        throw new CliException(
            "the query " + title + " found no agent, although the example cards match it");
      }
      report.table(List.of("URN", "NAME", "VERSION"), rows);
      matches += rows.size();
    }
    JsonNode repeated = client.getJson(queries.get("by domain: language"));
    report.line(
        "GET "
            + queries.get("by domain: language")
            + " again: "
            + (repeated.path("cached").asBoolean()
                ? "served from the query cache"
                : "evaluated again (the query cache is off)"));
    report.end(QuickstartReport.Status.OK, "3 queries and 1 repeat, " + matches + " matches");
  }

  private void callMcp(QuickstartReport report, OsspRuntime runtime, Path examples) {
    report.begin(5, "Call the reference MCP filesystem server through the MCP pool");
    if (runtime.find(McpPool.class).isEmpty()) {
      report.line("This runtime has no MCP pool: the mcp module is not installed.");
      report.end(QuickstartReport.Status.SKIPPED, "mcp module not installed");
      return;
    }
    McpPool pool = runtime.instance(McpPool.class);
    Path root = examples.toAbsolutePath().normalize();
    McpServerSpec.Builder spec =
        McpServerSpec.builder("quickstart-filesystem").initializeTimeout(MCP_TIMEOUT);
    if (mcpCommand != null) {
      spec.commandLine(mcpCommand + " " + root);
      report.line("server       " + mcpCommand + " " + root);
    } else {
      NodeJs.Finding finding = NodeJs.find(context.home().environment());
      if (finding.problem() != null) {
        report.line(finding.problem());
        report.end(
            QuickstartReport.Status.SKIPPED, "Node.js 20 or newer is needed for the MCP server");
        return;
      }
      List<String> args = new ArrayList<>(finding.prefixArgs());
      args.add(root.toString());
      spec.command(finding.command()).args(args);
      report.line("server       " + finding.description() + " on " + root);
    }
    pool.register(spec.build());
    var client =
        McpSupport.await(
            pool.acquire("quickstart-filesystem"),
            MCP_TIMEOUT,
            "starting the MCP filesystem server");
    report.line("connected    " + client.serverInfo().name() + " " + client.serverInfo().version());
    List<McpTool> tools = McpSupport.await(client.listTools(), MCP_TIMEOUT, "tools/list");
    List<String> names = tools.stream().map(McpTool::name).sorted().toList();
    report.line("tools (" + names.size() + ")  " + String.join(", ", names));
    Path file = root.resolve("mcp-servers.yaml");
    String arguments =
        Output.JSON.createObjectNode().put("path", file.toString()).put("head", 5).toString();
    McpToolResult result =
        McpSupport.await(
            pool.callTool("quickstart-filesystem", McpToolCall.of("read_text_file", arguments)),
            MCP_TIMEOUT,
            "tools/call read_text_file");
    if (result.isError()) {
      throw new CliException("read_text_file of " + file + " failed: " + result.text());
    }
    report.line("read_text_file " + file + " (first 5 lines):");
    result.text().lines().forEach(line -> report.line("  | " + line));
    report.end(QuickstartReport.Status.OK, names.size() + " tools listed, 1 file read");
  }

  /**
   * Stops the runtime and reports child processes still alive afterwards; returns a failure or
   * null.
   */
  private @Nullable String stop(QuickstartReport report, @Nullable OsspRuntime runtime) {
    if (runtime != null) {
      runtime.close();
      report.line("node and components stopped");
    }
    List<ProcessHandle> children =
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    for (ProcessHandle child : children) {
      try {
        // A server that is still exiting gets a bounded moment to finish.
        child.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        child.destroyForcibly();
      }
    }
    long killed = children.stream().filter(child -> !child.isAlive()).count();
    if (!children.isEmpty()) {
      return children.size()
          + " child process(es) outlived the shutdown ("
          + killed
          + " ended within 5 s or were killed): "
          + children.stream().map(child -> String.valueOf(child.pid())).toList();
    }
    report.line("child processes still running: none");
    return null;
  }

  private int finish(QuickstartReport report, @Nullable String failure) {
    Output output = context.output();
    if (json) {
      output.json(report.toJson());
    } else {
      output.println("");
      List<String> skipped = report.titles(QuickstartReport.Status.SKIPPED);
      output.heading(
          "Quickstart: "
              + report.count(QuickstartReport.Status.OK)
              + " of "
              + STEPS
              + " steps done"
              + (skipped.isEmpty() ? "" : ", skipped: " + String.join("; ", skipped)));
    }
    if (failure != null) {
      output.error("ossp-runtime: quickstart failed: " + failure);
      return OsspCli.EXIT_FAILURE;
    }
    return OsspCli.EXIT_OK;
  }

  private static String baseUrl(OsspRuntime runtime) {
    String url = runtime.node().baseUri().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static List<Path> directories(Path parent) {
    List<Path> directories = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, Files::isDirectory)) {
      entries.forEach(directories::add);
    } catch (IOException e) {
      throw new CliException("cannot list the example cards in " + parent + ": " + e.getMessage());
    }
    directories.sort(null);
    return directories;
  }
}
