package dev.ossp.runtime.metrics.internal.diagnostics;

import dev.ossp.runtime.metrics.MetricCatalog;
import dev.ossp.runtime.metrics.Recommendation;
import dev.ossp.runtime.metrics.Severity;
import dev.ossp.runtime.metrics.SystemDiagnostics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The diagnostics rules. Each compares one observed value with one configured threshold and fires
 * only when the value crosses it. A rule whose input has too few samples, or was never recorded,
 * stays silent. This class is stateless and thread-safe.
 */
final class DiagnosticsRules {
  private final DiagnosticsThresholds thresholds;

  DiagnosticsRules(DiagnosticsThresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
  }

  /** Returns the recommendations of every rule that fires. */
  List<Recommendation> evaluate(Observations observations, SystemDiagnostics system) {
    List<Recommendation> fired = new ArrayList<>();
    latency(
        fired,
        observations,
        "discovery",
        MetricCatalog.DISCOVERY_QUERY_LATENCY.name(),
        thresholds.discoveryLatencyP95(),
        "Check the registry store and index latency, and enable or enlarge the discovery"
            + " result cache (cache strategy 'caffeine').");
    latency(
        fired,
        observations,
        "a2a",
        MetricCatalog.A2A_REQUEST_LATENCY.name(),
        thresholds.a2aLatencyP95(),
        "Find the slow targets in ossp_a2a_request_latency_seconds; lower their timeouts or"
            + " raise the connection pool limits if requests wait for connections.");
    latency(
        fired,
        observations,
        "mcp",
        MetricCatalog.MCP_CALL_LATENCY.name(),
        thresholds.mcpLatencyP95(),
        "Find the slow servers and tools in ossp_mcp_call_latency_seconds; add pooled"
            + " connections for busy servers or raise per-call timeouts only if the tool is slow"
            + " by design.");

    cacheHitRate(fired, observations);
    openBreakers(fired, observations);
    successRate(
        fired,
        observations,
        "a2a",
        MetricCatalog.A2A_REQUESTS.name(),
        "Check the failing targets by outcome in ossp_a2a_requests_total, and their health and"
            + " credentials.");
    successRate(
        fired,
        observations,
        "mcp",
        MetricCatalog.MCP_CALLS.name(),
        "Check the failing servers and tools by outcome in ossp_mcp_calls_total and the server"
            + " logs.");

    mcpRestarts(fired, observations);
    budgetRejections(fired, observations);
    heapUsage(fired, system);
    return fired;
  }

  private void latency(
      List<Recommendation> fired,
      Observations observations,
      String component,
      String timer,
      Duration threshold,
      String action) {
    Histogram window = observations.latency(timer).orElse(null);
    if (window == null || window.getTotalCount() < thresholds.latencyMinSamples()) {
      return;
    }
    double p95Millis = window.getValueAtPercentile(95) / 1e6;
    double thresholdMillis = threshold.toNanos() / 1e6;
    if (p95Millis > thresholdMillis) {
      fired.add(
          new Recommendation(
              Severity.WARNING,
              component,
              component + "-latency-p95",
              String.format(
                  java.util.Locale.ROOT,
                  "%s p95 latency is %.1f ms over %d calls in the window, above %.1f ms",
                  component,
                  p95Millis,
                  window.getTotalCount(),
                  thresholdMillis),
              p95Millis,
              thresholdMillis,
              "ms",
              action));
    }
  }

  private void cacheHitRate(List<Recommendation> fired, Observations observations) {
    long hits = observations.counterTotal(MetricCatalog.DISCOVERY_CACHE_HITS.name());
    long misses = observations.counterTotal(MetricCatalog.DISCOVERY_CACHE_MISSES.name());
    long lookups = hits + misses;
    if (lookups < thresholds.cacheMinLookups()) {
      return;
    }
    double hitRate = (double) hits / lookups;
    if (hitRate < thresholds.cacheHitRateMin()) {
      fired.add(
          new Recommendation(
              Severity.WARNING,
              "discovery",
              "discovery-cache-hit-rate",
              String.format(
                  java.util.Locale.ROOT,
                  "discovery cache hit rate is %.1f%% after %d lookups, below %.1f%%",
                  hitRate * 100,
                  lookups,
                  thresholds.cacheHitRateMin() * 100),
              hitRate,
              thresholds.cacheHitRateMin(),
              "ratio",
              "Raise the discovery cache size or time-to-live, or check whether queries vary"
                  + " in parameters that could be normalized."));
    }
  }

  private void openBreakers(List<Recommendation> fired, Observations observations) {
    Map<String, Double> states =
        observations.gaugesBy(MetricCatalog.A2A_BREAKER_STATE.name(), MetricCatalog.TAG_TARGET);
    List<String> open = new ArrayList<>();
    for (Map.Entry<String, Double> state : new TreeMap<>(states).entrySet()) {
      double value = state.getValue();
      if (value == MetricCatalog.BREAKER_OPEN || value == MetricCatalog.BREAKER_FORCED_OPEN) {
        open.add(state.getKey());
      }
    }
    if (open.size() > thresholds.openBreakersMax()) {
      fired.add(
          new Recommendation(
              Severity.ERROR,
              "a2a",
              "a2a-open-breakers",
              open.size() + " A2A circuit breaker(s) open: " + String.join(", ", open),
              open.size(),
              thresholds.openBreakersMax(),
              "count",
              "Check the health of these targets; calls to them fail fast until the breaker"
                  + " half-opens. Reset a forced-open breaker once the target is fixed."));
    }
  }

  private void successRate(
      List<Recommendation> fired,
      Observations observations,
      String component,
      String counter,
      String action) {
    long total = observations.counterTotal(counter);
    if (total < thresholds.successMinCalls()) {
      return;
    }
    long succeeded = observations.succeededTotal(counter);
    double rate = (double) succeeded / total;
    if (rate < thresholds.successRateMin()) {
      fired.add(
          new Recommendation(
              Severity.WARNING,
              component,
              component + "-success-rate",
              String.format(
                  java.util.Locale.ROOT,
                  "%s success rate is %.1f%% over %d calls, below %.1f%%",
                  component,
                  rate * 100,
                  total,
                  thresholds.successRateMin() * 100),
              rate,
              thresholds.successRateMin(),
              "ratio",
              action));
    }
  }

  private void mcpRestarts(List<Recommendation> fired, Observations observations) {
    Map<String, Long> restarts =
        observations.counterTotalsBy(MetricCatalog.MCP_RESTARTS.name(), MetricCatalog.TAG_SERVER);
    for (Map.Entry<String, Long> server : new TreeMap<>(restarts).entrySet()) {
      if (server.getValue() > thresholds.mcpRestartsMax()) {
        fired.add(
            new Recommendation(
                Severity.WARNING,
                "mcp",
                "mcp-restarts",
                "MCP server '"
                    + server.getKey()
                    + "' restarted "
                    + server.getValue()
                    + " times, more than "
                    + thresholds.mcpRestartsMax(),
                server.getValue(),
                thresholds.mcpRestartsMax(),
                "count",
                "Read the server's stderr in the runtime log for the cause of its exits, and"
                    + " check its command, environment and working directory."));
      }
    }
  }

  private void budgetRejections(List<Recommendation> fired, Observations observations) {
    long rejections = observations.counterTotal(MetricCatalog.RESILIENCE_BUDGET_REJECTIONS.name());
    if (rejections > thresholds.budgetRejectionsMax()) {
      fired.add(
          new Recommendation(
              Severity.INFO,
              "resilience",
              "retry-budget-rejections",
              "retry budgets rejected "
                  + rejections
                  + " retries, more than "
                  + thresholds.budgetRejectionsMax(),
              rejections,
              thresholds.budgetRejectionsMax(),
              "count",
              "The budget protected a failing peer from a retry storm; fix the peer, or raise"
                  + " the budget if the failures are transient."));
    }
  }

  private void heapUsage(List<Recommendation> fired, SystemDiagnostics system) {
    OptionalDouble usage = system.heapUsage();
    if (usage.isEmpty() || usage.getAsDouble() <= thresholds.heapUsageMax()) {
      return;
    }
    fired.add(
        new Recommendation(
            Severity.WARNING,
            "jvm",
            "jvm-heap-usage",
            String.format(
                java.util.Locale.ROOT,
                "heap usage is %.1f%% of the maximum, above %.1f%%",
                usage.getAsDouble() * 100,
                thresholds.heapUsageMax() * 100),
            usage.getAsDouble(),
            thresholds.heapUsageMax(),
            "ratio",
            "Raise -Xmx, or lower cache sizes and pool limits; check jvm_memory_pool_used_bytes"
                + " for the pool that grows."));
  }
}
