package dev.ossp.runtime.cli;

import dev.ossp.runtime.a2a.A2aClient;
import dev.ossp.runtime.a2a.A2aTarget;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.SendOptions;
import dev.ossp.runtime.a2a.SendResult;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.TaskState;
import dev.ossp.runtime.core.CoreConfigKeys;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.mcp.McpPool;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.metrics.loadtest.LoadMode;
import dev.ossp.runtime.metrics.loadtest.LoadOperation;
import dev.ossp.runtime.metrics.loadtest.LoadScenario;
import dev.ossp.runtime.metrics.loadtest.LoadTestConfig;
import dev.ossp.runtime.metrics.loadtest.LoadTestListener;
import dev.ossp.runtime.metrics.loadtest.LoadTestReport;
import dev.ossp.runtime.metrics.loadtest.LoadTester;
import dev.ossp.runtime.metrics.loadtest.PerformanceTarget;
import dev.ossp.runtime.metrics.loadtest.ScenarioResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Drives one scenario with the metrics module's load tester and prints its report beside the
 * performance target table.
 */
@Command(
    name = "load-test",
    mixinStandardHelpOptions = true,
    description = {
      "Sends load with the metrics module's load tester and compares the result with the"
          + " performance targets (p95 latency and throughput).",
      "discovery: GET /v1/agents on --node, or queries of the embedded registry with --local.",
      "a2a: message/send of --text to --agent through the runtime's A2A client; by default the"
          + " node's own agent at --node.",
      "mcp: tools/call of --tool on --server through the MCP pool.",
      "The run always ends: after --duration or --requests, whichever comes first.",
      "Exit status 1 when not a single request succeeded."
    })
final class LoadTestCommand implements Callable<Integer> {
  private final CliContext context;

  /** The scenarios this command can drive. */
  enum Scenario {
    DISCOVERY,
    A2A,
    MCP
  }

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "NAME",
      description = "What to load: ${COMPLETION-CANDIDATES}.")
  private Scenario scenario;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "4",
      description = "Workers sending at once, 1..1024. Default: ${DEFAULT-VALUE}.")
  private int concurrency = 4;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Length of the measured phase, such as 10s. Default: 10s, or no limit with --requests.")
  private @Nullable Duration duration;

  @Option(
      names = "--requests",
      paramLabel = "N",
      description = "Requests in the measured phase, at least 1.")
  private @Nullable Long requests;

  @Option(
      names = "--rate",
      paramLabel = "PER_SECOND",
      description =
          "Start requests at this fixed rate (open loop); latency then includes queueing delay.")
  private @Nullable Double rate;

  @Option(
      names = "--warmup",
      paramLabel = "DURATION",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description = "Unmeasured warm-up before the measured phase. Default: ${DEFAULT-VALUE}.")
  private Duration warmup = Duration.ofSeconds(1);

  @Option(
      names = "--domain",
      paramLabel = "DOMAIN",
      description = "discovery: the domain filter of each query. Default: none (all agents).")
  private @Nullable String domain;

  @Option(
      names = "--local",
      description =
          "discovery: query the embedded registry under runtime.data-dir instead of a node. a2a:"
              + " resolve the --agent URN there.")
  private boolean local;

  @Option(
      names = "--agent",
      paramLabel = "URN|URL",
      description =
          "a2a: the agent, as a URN (resolved in the registry of --node, or under runtime.data-dir"
              + " with --local) or an http(s) URL. Default: the node's own agent at --node.")
  private @Nullable String agent;

  @Option(
      names = "--text",
      paramLabel = "TEXT",
      defaultValue = "describe-runtime",
      description =
          "a2a: the text of each message. Default: ${DEFAULT-VALUE}, a skill of the node's own"
              + " agent.")
  private String text = "describe-runtime";

  @Option(
      names = "--server",
      paramLabel = "SERVER",
      description = "mcp: id of a server under mcp.servers.")
  private @Nullable String server;

  @Option(
      names = "--command",
      paramLabel = "'CMD ARGS'",
      description = "mcp: start this stdio server instead of a configured one.")
  private @Nullable String commandLine;

  @Option(names = "--tool", paramLabel = "TOOL", description = "mcp: the tool to call.")
  private @Nullable String tool;

  @Option(
      names = "--json-args",
      paramLabel = "JSON",
      defaultValue = "{}",
      description = "mcp: the tool's arguments as a JSON object. Default: {}.")
  private String toolArguments = "{}";

  @Option(names = "--json", description = "Print the report as JSON.")
  private boolean json;

  @Mixin private NodeOptions nodeOptions;

  @Mixin private RuntimeOptions runtimeOptions;

  LoadTestCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException, IOException {
    LoadTestConfig config = config();
    Path scratch = null;
    OsspRuntime.Builder builder =
        runtimeOptions.builder(context.home()).set(CoreConfigKeys.NODE_ENABLED.name(), false);
    if (!local) {
      // The load tester's runtime must not open the registry store of a node in this directory.
      scratch = Files.createTempDirectory("ossp-load-test");
      builder.set(CoreConfigKeys.RUNTIME_DATA_DIR.name(), scratch.toString());
    }
    try (OsspRuntime runtime = LocalRuntime.build(builder)) {
      runtime.start();
      LoadTester tester = LocalRuntime.require(runtime, LoadTester.class, "metrics");
      LoadScenario loadScenario = scenario(runtime);
      LoadTestReport report = tester.run(config, List.of(loadScenario), listener(tester));
      Output output = context.output();
      if (json) {
        output.out().println(tester.toJson(report));
      } else {
        output.println(tester.toText(report));
      }
      long successes = report.scenarios().stream().mapToLong(ScenarioResult::successes).sum();
      if (successes == 0) {
        output.error(
            "ossp-runtime: no request succeeded; check the target (see the failures above)");
        return OsspCli.EXIT_FAILURE;
      }
      return OsspCli.EXIT_OK;
    } finally {
      if (scratch != null) {
        deleteTree(scratch);
      }
    }
  }

  private LoadTestConfig config() {
    try {
      LoadTestConfig.Builder builder =
          LoadTestConfig.builder()
              .concurrency(concurrency)
              .warmup(warmup)
              .drainTimeout(Duration.ofSeconds(5));
      if (rate != null) {
        builder.mode(LoadMode.OPEN_LOOP).targetRate(rate);
      }
      if (requests != null) {
        builder.maxRequests(requests);
        builder.duration(duration == null ? LoadTestConfig.MAX_DURATION : duration);
      } else if (duration != null) {
        builder.duration(duration);
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw CliException.usage("invalid load-test option: " + e.getMessage());
    }
  }

  private LoadScenario scenario(OsspRuntime runtime) {
    return switch (scenario) {
      case DISCOVERY -> discovery(runtime);
      case A2A -> a2a(runtime);
      case MCP -> mcp(runtime);
    };
  }

  private LoadScenario discovery(OsspRuntime runtime) {
    LoadOperation operation;
    if (local) {
      AgentRegistry registry = LocalRuntime.require(runtime, AgentRegistry.class, "discovery");
      AgentQuery query = AgentQuery.builder().domain(domain).limit(10).build();
      operation = () -> registry.query(query);
    } else {
      NodeClient client = nodeOptions.readClient();
      String path = "/v1/agents?limit=10" + (domain == null ? "" : "&domain=" + domain);
      // Fails fast, before the run, when the node is not reachable.
      client.getText(path);
      operation = () -> client.getText(path);
    }
    return LoadScenario.of("discovery-query", operation).withTarget(PerformanceTarget.DISCOVERY);
  }

  private LoadScenario a2a(OsspRuntime runtime) {
    A2aClient client = LocalRuntime.require(runtime, A2aClient.class, "a2a");
    A2aTarget target;
    if (agent == null) {
      target = A2aTarget.baseUrl(nodeOptions.nodeUri());
    } else {
      target = A2aOptions.parseTarget(agent);
      if (!local && target.agentUrn().isPresent()) {
        A2aOptions.copyFromNode(runtime, target.agentUrn().get(), nodeOptions.readClient());
      }
    }
    String messageText = text;
    LoadOperation operation =
        () ->
            checkTask(
                client.sendMessage(target, Message.userText(messageText), SendOptions.defaults()));
    // Fails fast, before the run, when the agent is not reachable or rejects the message.
    try {
      checkTask(client.sendMessage(target, Message.userText(messageText), SendOptions.defaults()));
    } catch (IllegalStateException e) {
      throw new CliException(
          "the first message to "
              + target
              + " failed: "
              + e.getMessage()
              + "; check --agent and --text");
    }
    return LoadScenario.of("a2a-message-send", operation).withTarget(PerformanceTarget.A2A);
  }

  /** Throws when the reply is a task that ended failed or rejected. */
  private static void checkTask(SendResult result) {
    if (result instanceof Task task
        && (task.state() == TaskState.FAILED || task.state() == TaskState.REJECTED)) {
      throw new IllegalStateException(
          "task " + task.id() + " ended " + A2aViews.stateName(task.state()));
    }
  }

  private LoadScenario mcp(OsspRuntime runtime) {
    if (server == null || tool == null) {
      throw CliException.usage("--scenario mcp needs --server SERVER and --tool TOOL");
    }
    McpPool pool = McpSupport.pool(runtime, server, commandLine);
    McpToolCall call = McpToolCall.of(tool, toolArguments);
    String serverId = server;
    LoadOperation operation =
        () -> {
          var result = pool.callTool(serverId, call).get(60, TimeUnit.SECONDS);
          if (result.isError()) {
            throw new IllegalStateException(
                "tool " + call.name() + " reported an error: " + result.text());
          }
        };
    return LoadScenario.of("mcp-tool-call", operation).withTarget(PerformanceTarget.MCP);
  }

  private LoadTestListener listener(LoadTester tester) {
    if (context.output().terminal()) {
      return tester.consoleProgress(context.output().err());
    }
    // Not a terminal: one plain line per report, no carriage returns.
    return progress ->
        context
            .output()
            .err()
            .println(
                String.format(
                    Locale.ROOT,
                    "%s %s %.1fs/%.1fs requests=%d failures=%d",
                    progress.scenario(),
                    progress.warmup() ? "warm-up" : "measured",
                    progress.elapsed().toMillis() / 1000.0,
                    progress.phaseLength().toMillis() / 1000.0,
                    progress.requests(),
                    progress.failures()));
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
