package dev.ossp.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.error.ValidationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Queries the registry of a running node, or the embedded one, and prints the matching agents. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
      "Finds registered agents. Filters combine with AND; without filters every agent is listed.",
      "Example: ossp-runtime discover --domain language --capability nlp --version-range '>=2.0.0'"
    })
final class DiscoverCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--domain",
      paramLabel = "DOMAIN",
      description = "The URN's domain, such as weather.")
  private @Nullable String domain;

  @Option(
      names = "--capability",
      paramLabel = "NAME",
      split = ",",
      description = "A capability the agent must have (skill ids and tags count); repeatable.")
  private List<String> capabilities = new ArrayList<>();

  @Option(
      names = "--tag",
      paramLabel = "TAG",
      split = ",",
      description = "A skill tag the agent must carry; repeatable.")
  private List<String> tags = new ArrayList<>();

  @Option(
      names = "--name",
      paramLabel = "TEXT",
      description = "Text the card's name must contain, ignoring case.")
  private @Nullable String name;

  @Option(
      names = "--version-range",
      paramLabel = "RANGE",
      description = "SemVer range of the agent's version, such as 1.2.3, ^1.2 or '>=1.0.0 <2.0.0'.")
  private @Nullable String versionRange;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most N agents (1..1000). Default: 100.")
  private @Nullable Integer limit;

  @Option(
      names = "--local",
      description = "Query the embedded registry under runtime.data-dir instead of a node.")
  private boolean local;

  @Option(names = "--json", description = "Print the result as JSON, as the node's API returns it.")
  private boolean json;

  @Mixin private NodeOptions nodeOptions;

  @Mixin private RuntimeOptions runtimeOptions;

  DiscoverCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    AgentQuery query = query();
    JsonNode result;
    if (local) {
      try (OsspRuntime runtime = LocalRuntime.start(runtimeOptions, context.home())) {
        AgentRegistry registry = LocalRuntime.require(runtime, AgentRegistry.class, "discovery");
        result = AgentViews.result(registry.query(query));
      }
    } else {
      result = nodeOptions.readClient().getJson("/v1/agents" + queryString());
    }
    print(context.output(), result, json);
    return OsspCli.EXIT_OK;
  }

  /** Prints a query result: JSON, or a table and a count line. */
  static void print(Output output, JsonNode result, boolean json) {
    if (json) {
      output.json(result);
      return;
    }
    JsonNode agents = result.path("agents");
    if (agents.isEmpty()) {
      output.println("No agent matches.");
      return;
    }
    output.table(AgentViews.HEADERS, AgentViews.rows(agents));
    output.println(
        output.dim(
            agents.size()
                + " of "
                + result.path("total").asInt()
                + " matching agent(s)"
                + (result.path("cached").asBoolean() ? ", from the query cache" : "")));
  }

  /** Builds and checks the query, so a bad filter fails before any request is sent. */
  private AgentQuery query() {
    AgentQuery.Builder builder =
        AgentQuery.builder()
            .domain(domain)
            .capabilities(capabilities)
            .tags(tags)
            .nameContains(name)
            .version(versionRange);
    if (limit != null) {
      builder.limit(limit);
    }
    try {
      return builder.build();
    } catch (ValidationException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  private String queryString() {
    List<String> parameters = new ArrayList<>();
    add(parameters, "domain", domain);
    for (String capability : capabilities) {
      add(parameters, "capability", capability);
    }
    for (String tag : tags) {
      add(parameters, "tag", tag);
    }
    add(parameters, "name", name);
    add(parameters, "version", versionRange);
    add(parameters, "limit", limit == null ? null : limit.toString());
    return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
  }

  private static void add(List<String> parameters, String name, @Nullable String value) {
    if (value != null) {
      parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
