package dev.ossp.runtime.metrics.internal.loadtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.metrics.internal.report.JsonSupport;
import dev.ossp.runtime.metrics.loadtest.LatencyDistribution;
import dev.ossp.runtime.metrics.loadtest.LoadTestConfig;
import dev.ossp.runtime.metrics.loadtest.LoadTestReport;
import dev.ossp.runtime.metrics.loadtest.ScenarioResult;
import dev.ossp.runtime.metrics.loadtest.TargetComparison;
import java.util.Map;

/** Renders a load-test report as JSON, durations in milliseconds. */
final class LoadTestJson {
  private LoadTestJson() {}

  static String render(LoadTestReport report) {
    ObjectNode root = JsonSupport.MAPPER.createObjectNode();
    root.put("startedAt", report.startedAt().toString());
    JsonSupport.putMillis(root, "elapsedMs", report.elapsed());
    config(root.putObject("config"), report.config());
    for (ScenarioResult result : report.scenarios()) {
      scenario(root.withArray("scenarios").addObject(), result);
    }
    return JsonSupport.write(root);
  }

  private static void config(ObjectNode node, LoadTestConfig config) {
    node.put("mode", config.mode().name());
    node.put("concurrency", config.concurrency());
    JsonSupport.putNumber(node, "targetRatePerSecond", config.targetRate());
    JsonSupport.putMillis(node, "warmupMs", config.warmup());
    JsonSupport.putMillis(node, "durationMs", config.duration());
    if (config.maxRequests() == Long.MAX_VALUE) {
      node.putNull("maxRequests");
    } else {
      node.put("maxRequests", config.maxRequests());
    }
  }

  private static void scenario(ObjectNode node, ScenarioResult result) {
    node.put("scenario", result.scenario());
    node.put("mode", result.mode().name());
    node.put("concurrency", result.concurrency());
    node.put("requests", result.requests());
    node.put("successes", result.successes());
    node.put("failed", result.failed());
    ObjectNode failures = node.putObject("failures");
    for (Map.Entry<ErrorKind, Long> failure : result.failures().entrySet()) {
      failures.put(failure.getKey().code(), failure.getValue());
    }
    node.put("interrupted", result.interrupted());
    JsonSupport.putMillis(node, "elapsedMs", result.elapsed());
    JsonSupport.putNumber(node, "throughputPerSecond", result.throughput());
    node.put("stopReason", result.stopReason().name());
    node.put("coordinatedOmissionCorrected", result.serviceTime().isPresent());
    latency(node.putObject("latencyMs"), result.latency());
    if (result.serviceTime().isPresent()) {
      latency(node.putObject("serviceTimeMs"), result.serviceTime().get());
    }
    if (result.comparison().isPresent()) {
      comparison(node.putObject("target"), result.comparison().get());
    }
  }

  private static void latency(ObjectNode node, LatencyDistribution latency) {
    node.put("count", latency.count());
    JsonSupport.putMillis(node, "min", latency.min());
    JsonSupport.putMillis(node, "p50", latency.p50());
    JsonSupport.putMillis(node, "p90", latency.p90());
    JsonSupport.putMillis(node, "p95", latency.p95());
    JsonSupport.putMillis(node, "p99", latency.p99());
    JsonSupport.putMillis(node, "p999", latency.p999());
    JsonSupport.putMillis(node, "max", latency.max());
    JsonSupport.putMillis(node, "mean", latency.mean());
  }

  private static void comparison(ObjectNode node, TargetComparison comparison) {
    node.put("component", comparison.target().component());
    JsonSupport.putMillis(node, "latencyTargetMs", comparison.target().latency());
    JsonSupport.putMillis(node, "observedP95Ms", comparison.observedP95());
    node.put("latencyMet", comparison.latencyMet());
    node.put("throughputTargetPerSecond", comparison.target().throughputPerSecond());
    JsonSupport.putNumber(node, "observedThroughputPerSecond", comparison.observedThroughput());
    node.put("throughputMet", comparison.throughputMet());
    node.put("memoryTargetBytes", comparison.target().memoryBytes());
    node.put("memoryMeasured", false);
  }
}
