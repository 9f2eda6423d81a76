package dev.ossp.runtime.metrics.internal.loadtest;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.metrics.loadtest.LatencyDistribution;
import dev.ossp.runtime.metrics.loadtest.LoadTestReport;
import dev.ossp.runtime.metrics.loadtest.ScenarioResult;
import dev.ossp.runtime.metrics.loadtest.TargetComparison;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Renders a load-test report as aligned text, latencies in milliseconds. */
final class LoadTestText {
  private LoadTestText() {}

  static String render(LoadTestReport report) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Load test started %s, ran %.1f s: %s%n",
            report.startedAt(),
            seconds(report.elapsed()),
            report.config()));
    for (ScenarioResult result : report.scenarios()) {
      text.append(System.lineSeparator());
      scenario(text, result);
    }
    return text.toString();
  }

  private static void scenario(StringBuilder text, ScenarioResult result) {
    text.append(
        String.format(
            Locale.ROOT,
            "Scenario %s (%s, %d workers, stopped by %s)%n",
            result.scenario(),
            result.mode(),
            result.concurrency(),
            result.stopReason()));
    text.append(
        String.format(
            Locale.ROOT,
            "  requests %d, successes %d, failures %d, interrupted %d%n",
            result.requests(),
            result.successes(),
            result.failed(),
            result.interrupted()));
    for (Map.Entry<ErrorKind, Long> failure : result.failures().entrySet()) {
      text.append(
          String.format(
              Locale.ROOT, "    %-14s %d%n", failure.getKey().code(), failure.getValue()));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "  throughput %.1f req/s over %.3f s%n",
            result.throughput(),
            seconds(result.elapsed())));
    latency(
        text,
        result.serviceTime().isPresent() ? "latency (corrected)" : "latency",
        result.latency());
    result.serviceTime().ifPresent(service -> latency(text, "service time", service));
    result.comparison().ifPresent(comparison -> comparison(text, comparison));
  }

  private static void latency(StringBuilder text, String label, LatencyDistribution latency) {
    text.append(
        String.format(
            Locale.ROOT,
            "  %-20s ms: min %.3f  p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f%n",
            label,
            millis(latency.min()),
            millis(latency.p50()),
            millis(latency.p90()),
            millis(latency.p99()),
            millis(latency.p999()),
            millis(latency.max())));
  }

  private static void comparison(StringBuilder text, TargetComparison comparison) {
    text.append(
        String.format(
            Locale.ROOT,
            "  target %s: p95 %.3f ms vs < %d ms %s; %.1f req/s vs %.0f req/s %s;"
                + " memory not measured by a load test%n",
            comparison.target().component(),
            millis(comparison.observedP95()),
            comparison.target().latency().toMillis(),
            comparison.latencyMet() ? "met" : "MISSED",
            comparison.observedThroughput(),
            comparison.target().throughputPerSecond(),
            comparison.throughputMet() ? "met" : "MISSED"));
  }

  private static double millis(Duration duration) {
    return duration.toNanos() / 1e6;
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
