package dev.ossp.runtime.metrics.internal.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.metrics.ComponentSummary;
import dev.ossp.runtime.metrics.LatencyPercentiles;
import dev.ossp.runtime.metrics.MetricsSummary;
import java.util.Objects;

/** Renders a {@link MetricsSummary} as JSON, with latencies in milliseconds. */
public final class SummaryJson {
  private SummaryJson() {}

  /** Returns {@code summary} as JSON; a component without latency samples has {@code null}. */
  public static String render(MetricsSummary summary) {
    Objects.requireNonNull(summary, "summary");

    ObjectNode root = JsonSupport.MAPPER.createObjectNode();
    root.put("generatedAt", summary.generatedAt().toString());
    root.put("intervalSeconds", summary.interval().toNanos() / 1e9);
    ArrayNode components = root.putArray("components");
    for (ComponentSummary component : summary.components()) {
      ObjectNode node = components.addObject();
      node.put("component", component.component());
      node.put("total", component.total());
      node.put("succeeded", component.succeeded());
      node.put("failed", component.failed());
      JsonSupport.putNumber(node, "successRate", component.successRate());
      JsonSupport.putNumber(node, "throughputPerSecond", component.throughputPerSecond());
      if (component.latency().isPresent()) {
        LatencyPercentiles latency = component.latency().get();
        ObjectNode latencyNode = node.putObject("latencyMs");
        JsonSupport.putMillis(latencyNode, "p50", latency.p50());
        JsonSupport.putMillis(latencyNode, "p95", latency.p95());
        JsonSupport.putMillis(latencyNode, "p99", latency.p99());
        latencyNode.put("samples", latency.samples());
      } else {
        node.putNull("latencyMs");
      }
    }
    return JsonSupport.write(root);
  }
}
