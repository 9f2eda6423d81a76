package dev.ossp.runtime.metrics.internal.diagnostics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.metrics.ComponentDiagnostics;
import dev.ossp.runtime.metrics.DiagnosticsReport;
import dev.ossp.runtime.metrics.Recommendation;
import dev.ossp.runtime.metrics.SystemDiagnostics;
import dev.ossp.runtime.metrics.internal.report.JsonSupport;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Renders a {@link DiagnosticsReport} as JSON; unknown values are {@code null}. */
final class DiagnosticsJson {
  private DiagnosticsJson() {}

  static String render(DiagnosticsReport report) {
    Objects.requireNonNull(report, "report");

    ObjectNode root = JsonSupport.MAPPER.createObjectNode();
    root.put("generatedAt", report.generatedAt().toString());
    system(root.putObject("system"), report.system());
    ArrayNode components = root.putArray("components");
    for (ComponentDiagnostics component : report.components()) {
      ObjectNode node = components.addObject();
      node.put("name", component.name());
      node.put("status", component.health().status().name());
      if (component.health().message() != null) {
        node.put("message", component.health().message());
      }
      ObjectNode details = node.putObject("details");
      for (Map.Entry<String, Object> detail : component.health().details().entrySet()) {
        details.set(detail.getKey(), JsonSupport.toNode(detail.getValue()));
      }
      ObjectNode stats = node.putObject("stats");
      for (Map.Entry<String, Object> stat : component.stats().entrySet()) {
        stats.set(stat.getKey(), JsonSupport.toNode(stat.getValue()));
      }
    }
    ArrayNode recommendations = root.putArray("recommendations");
    for (Recommendation recommendation : report.recommendations()) {
      ObjectNode node = recommendations.addObject();
      node.put("severity", recommendation.severity().name().toLowerCase(Locale.ROOT));
      node.put("component", recommendation.component());
      node.put("rule", recommendation.rule());
      node.put("message", recommendation.message());
      JsonSupport.putNumber(node, "observed", recommendation.observed());
      JsonSupport.putNumber(node, "threshold", recommendation.threshold());
      node.put("unit", recommendation.unit());
      node.put("action", recommendation.action());
    }
    return JsonSupport.write(root);
  }

  private static void system(ObjectNode node, SystemDiagnostics system) {
    node.put("heapUsedBytes", system.heapUsedBytes());
    JsonSupport.putNumber(node, "heapMaxBytes", system.heapMaxBytes());
    JsonSupport.putNumber(node, "heapUsage", system.heapUsage());
    node.put("nonHeapUsedBytes", system.nonHeapUsedBytes());
    JsonSupport.putNumber(node, "residentSetBytes", system.residentSetBytes());
    JsonSupport.putNumber(node, "processCpuLoad", system.processCpuLoad());
    JsonSupport.putNumber(node, "systemCpuLoad", system.systemCpuLoad());
    node.put("availableProcessors", system.availableProcessors());
    node.put("uptimeSeconds", system.uptime().toMillis() / 1000.0);
    node.put("jvm", system.jvm());
    node.put("os", system.os());
  }
}
