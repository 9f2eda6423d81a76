package dev.ossp.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.metrics.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints a node's diagnostics report: system, components, strategies and recommendations. */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the diagnostics report of a running node: memory and CPU, each component's health"
          + " and statistics, the selected strategies, and recommendations, most urgent first.",
      "With --local it starts a runtime in this process and reports on that."
    })
final class DiagnoseCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--local",
      description = "Diagnose a runtime started in this process instead of a node.")
  private boolean local;

  @Option(
      names = "--json",
      description = "Print the report as JSON: the node's /diagnostics plus its strategies.")
  private boolean json;

  @Mixin private NodeOptions nodeOptions;

  @Mixin private RuntimeOptions runtimeOptions;

  DiagnoseCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ObjectNode report;
    if (local) {
      try (OsspRuntime runtime = LocalRuntime.start(runtimeOptions, context.home())) {
        report = localReport(runtime);
      }
    } else {
      NodeClient client = nodeOptions.readClient();
      report = (ObjectNode) client.getJson("/diagnostics");
      report.set("strategies", client.getJson("/health").path("strategies"));
    }
    if (json) {
      context.output().json(report);
    } else {
      print(context.output(), report);
    }
    return OsspCli.EXIT_OK;
  }

  /** Returns the report of a started runtime in the node's JSON form, with the strategies. */
  static ObjectNode localReport(OsspRuntime runtime) {
    Diagnostics diagnostics = LocalRuntime.require(runtime, Diagnostics.class, "metrics");
    ObjectNode report = (ObjectNode) Output.parse(diagnostics.toJson(diagnostics.report()));
    ObjectNode strategies = report.putObject("strategies");
    for (Map.Entry<String, String> entry : runtime.health().strategies().entrySet()) {
      strategies.put(entry.getKey(), entry.getValue());
    }
    return report;
  }

  /** Prints the report as sections of aligned lines. */
  static void print(Output output, JsonNode report) {
    JsonNode system = report.path("system");
    output.heading("System");
    output.println(
        "  heap "
            + mebibytes(system.path("heapUsedBytes"))
            + " of "
            + mebibytes(system.path("heapMaxBytes"))
            + ", non-heap "
            + mebibytes(system.path("nonHeapUsedBytes"))
            + ", "
            + system.path("availableProcessors").asText()
            + " processors"
            + ", up "
            + system.path("uptimeSeconds").asText()
            + " s");
    output.println("  " + system.path("jvm").asText() + " on " + system.path("os").asText());

    output.heading("Components");
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode component : report.path("components")) {
      String status = component.path("status").asText();
      rows.add(
          List.of(
              component.path("name").asText(),
              colored(output, status),
              component.path("message").asText("")));
    }
    output.table(List.of("COMPONENT", "STATUS", "MESSAGE"), rows);
    printStats(output, report.path("components"));

    JsonNode strategies = report.path("strategies");
    if (!strategies.isMissingNode()) {
      output.heading("Strategies");
      List<List<String>> strategyRows = new ArrayList<>();
      strategies
          .fields()
          .forEachRemaining(
              entry -> strategyRows.add(List.of(entry.getKey(), entry.getValue().asText())));
      output.table(List.of("KIND", "SELECTED"), strategyRows);
    }

    output.heading("Recommendations");
    JsonNode recommendations = report.path("recommendations");
    if (recommendations.isEmpty()) {
      output.println("  " + output.good("none: every rule is within its threshold"));
      return;
    }
    for (JsonNode recommendation : recommendations) {
      String severity = recommendation.path("severity").asText().toUpperCase(Locale.ROOT);
      output.println(
          "  "
              + (severity.equals("ERROR") ? output.bad(severity) : output.warning(severity))
              + " ["
              + recommendation.path("component").asText()
              + "/"
              + recommendation.path("rule").asText()
              + "] "
              + recommendation.path("message").asText());
      output.println("    fix: " + recommendation.path("action").asText());
    }
  }

  private static String colored(Output output, String status) {
    return switch (status) {
      case "UP" -> output.good(status);
      case "DOWN" -> output.bad(status);
      default -> output.warning(status);
    };
  }

  /** Prints each component's stats, one leaf per line, nested keys joined with dots. */
  private static void printStats(Output output, JsonNode components) {
    boolean headed = false;
    for (JsonNode component : components) {
      List<String> lines = new ArrayList<>();
      flatten(component.path("stats"), "", lines);
      if (lines.isEmpty()) {
        continue;
      }
      if (!headed) {
        output.heading("Component stats");
        headed = true;
      }
      output.println("  " + component.path("name").asText());
      for (String line : lines) {
        output.println("    " + line);
      }
    }
  }

  /**
   * Adds one {@code key: value} line per leaf of {@code node}. A list of plain values stays on one
   * line; a list of objects numbers its items, such as {@code servers.a.connections[0].pid}.
   */
  static void flatten(JsonNode node, String prefix, List<String> lines) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              entry ->
                  flatten(
                      entry.getValue(),
                      prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(),
                      lines));
    } else if (node.isArray()) {
      boolean plain = true;
      for (JsonNode item : node) {
        plain &= item.isValueNode();
      }
      if (plain) {
        List<String> values = new ArrayList<>();
        node.forEach(item -> values.add(item.asText()));
        lines.add(prefix + ": [" + String.join(", ", values) + "]");
      } else {
        for (int i = 0; i < node.size(); i++) {
          flatten(node.get(i), prefix + "[" + i + "]", lines);
        }
      }
    } else if (!node.isMissingNode()) {
      lines.add(prefix + ": " + node.asText());
    }
  }

  private static String mebibytes(JsonNode bytes) {
    if (!bytes.isNumber()) {
      return "?";
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes.asDouble() / (1024 * 1024));
  }
}
