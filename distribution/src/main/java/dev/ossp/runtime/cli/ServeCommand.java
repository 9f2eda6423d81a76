package dev.ossp.runtime.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.core.CoreConfigKeys;
import dev.ossp.runtime.core.OsspRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs a node until the process gets SIGINT (Ctrl-C) or SIGTERM, then stops it gracefully: the node
 * refuses new connections, lets requests in flight complete for up to {@code
 * node.shutdown-timeout}, stops the components in reverse order, and the process exits 0.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a node: registry API, discovery, /health, /metrics and /diagnostics, and the routes of"
          + " every installed module.",
      "Prints the node's URL and where its API key is stored, then runs until Ctrl-C (SIGINT) or"
          + " SIGTERM, and stops gracefully."
    })
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  private final CliContext context;

  @Mixin private RuntimeOptions runtimeOptions;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      description =
          "TCP port of the node, 0..65535; 0 picks a free port. Default: node.port (7070).")
  private @Nullable Integer port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description =
          "Address to bind, such as 127.0.0.1 or 0.0.0.0. Default: node.host (127.0.0.1).")
  private @Nullable String host;

  @Option(names = "--json", description = "Print the node's details as one JSON object.")
  private boolean json;

  ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (port != null && (port < 0 || port > 65535)) {
      throw CliException.usage(
          "invalid --port " + port + ": expected a whole number in 0..65535 (0 picks a free port)");
    }
    OsspRuntime.Builder builder = runtimeOptions.builder(context.home());
    // This command stops the runtime in its own shutdown hook, so that it can exit 0.
    builder.set(CoreConfigKeys.RUNTIME_SHUTDOWN_HOOK.name(), false);
    if (port != null) {
      builder.set(CoreConfigKeys.NODE_PORT.name(), port);
    }
    if (host != null) {
      builder.set(CoreConfigKeys.NODE_HOST.name(), host);
    }
    OsspRuntime runtime = LocalRuntime.build(builder);
    try {
      runtime.start();
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(runtime), "ossp-serve-shutdown"));
    printStarted(runtime);
    awaitShutdown();
    return OsspCli.EXIT_OK;
  }

  private void printStarted(OsspRuntime runtime) {
    RuntimeConfig config = runtime.config();
    boolean nodeEnabled = config.get(CoreConfigKeys.NODE_ENABLED);
    String url = nodeEnabled ? trimSlash(runtime.node().baseUri().toString()) : null;
    String keyLocation = apiKeyLocation(runtime);
    Output output = context.output();
    if (json) {
      ObjectNode node = Output.JSON.createObjectNode();
      node.put("url", url);
      node.put("apiKey", keyLocation);
      runtime.apiKeyFile().ifPresent(file -> node.put("apiKeyFile", file.toString()));
      node.putPOJO("components", runtime.components());
      node.putPOJO("plugins", names(runtime.pluginJars()));
      node.putPOJO("strategies", runtime.health().strategies());
      node.put("pid", ProcessHandle.current().pid());
      output.out().println(node.toString());
      output.out().flush();
      return;
    }
    if (url == null) {
      output.heading("OSSP Runtime started without HTTP node (node.enabled=false)");
    } else {
      output.heading("OSSP Runtime node running at " + url);
      output.println("  health       " + url + "/health");
      output.println("  registry     " + url + "/v1/agents");
      output.println("  diagnostics  " + url + "/diagnostics");
    }
    output.println("  API key      " + keyLocation);
    output.println("  components   " + String.join(", ", runtime.components()));
    List<String> plugins = names(runtime.pluginJars());
    output.println("  plugins      " + (plugins.isEmpty() ? "none" : String.join(", ", plugins)));
    output.println("Press Ctrl-C to stop.");
    output.out().flush();
  }

  /** Describes where the API key comes from, without printing the key. */
  static String apiKeyLocation(OsspRuntime runtime) {
    if (runtime.apiKeyFile().isPresent()) {
      return "stored in "
          + runtime.apiKeyFile().get()
          + " (owner-readable); send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'";
    }
    String source =
        runtime
            .config()
            .sourceOf(CoreConfigKeys.NODE_API_KEY.segments())
            .orElse("the configuration");
    return "set by node.api-key (from " + source + ")";
  }

  private void stop(OsspRuntime runtime) {
    Output output = context.output();
    int status = OsspCli.EXIT_OK;
    try {
      LOG.info("stop requested; stopping the node gracefully");
      runtime.close();
      if (!json) {
        output.println("Node stopped.");
      }
    } catch (RuntimeException e) {
      output.error("ossp-runtime: stopping the node failed: " + e);
      status = OsspCli.EXIT_FAILURE;
    }
    output.out().flush();
    output.err().flush();
    // Exit with this status instead of the signal's (130 or 143): the stop was requested.
    Runtime.getRuntime().halt(status);
  }

  private static void awaitShutdown() {
    try {
      // Nobody counts this down: the shutdown hook ends the process.
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static List<String> names(List<Path> jars) {
    return jars.stream().map(jar -> jar.getFileName().toString()).toList();
  }
}
