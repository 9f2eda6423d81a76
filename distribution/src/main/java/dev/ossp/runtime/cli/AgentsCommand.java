package dev.ossp.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.urn.AgentUrn;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Commands about single registered agents. */
@Command(
    name = "agents",
    mixinStandardHelpOptions = true,
    description = "Shows registered agents.",
    subcommands = AgentsCommand.Get.class)
final class AgentsCommand implements Runnable {
  @picocli.CommandLine.Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: get");
  }

  /** Prints one agent's record and card. */
  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = {
        "Prints one registered agent: its URN, interfaces, capabilities and skills.",
        "A URN without @version names the highest release version."
      })
  static final class Get implements Callable<Integer> {
    private final CliContext context;

    @Parameters(
        paramLabel = "URN",
        description = "The agent's URN, such as urn:agent:weather:weather-forecaster.")
    private String urn;

    @Option(
        names = "--local",
        description = "Read the embedded registry under runtime.data-dir instead of a node.")
    private boolean local;

    @Option(names = "--json", description = "Print the record with its card as JSON.")
    private boolean json;

    @Mixin private NodeOptions nodeOptions;

    @Mixin private RuntimeOptions runtimeOptions;

    Get(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      AgentUrn parsed = RegisterCommand.parseUrn(urn);
      JsonNode record;
      if (local) {
        try (OsspRuntime runtime = LocalRuntime.start(runtimeOptions, context.home())) {
          AgentRegistry registry = LocalRuntime.require(runtime, AgentRegistry.class, "discovery");
          AgentRecord found =
              registry
                  .get(parsed)
                  .orElseThrow(
                      () ->
                          new CliException(
                              "agent '"
                                  + parsed
                                  + "' is not registered; list the agents with 'ossp-runtime discover --local'"));
          record = AgentViews.record(found, true);
        }
      } else {
        record = nodeOptions.readClient().getJson("/v1/agents/" + parsed);
      }
      if (json) {
        context.output().json(record);
      } else {
        AgentViews.printDetails(context.output(), record);
      }
      return OsspCli.EXIT_OK;
    }
  }
}
