package dev.ossp.runtime.metrics.internal.diagnostics;

import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.metrics.internal.MetricsConfigKeys;
import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds the diagnostics rules compare observed values with; see {@link MetricsConfigKeys}
 * for each one's meaning and default.
 */
public record DiagnosticsThresholds(
    Duration discoveryLatencyP95,
    Duration a2aLatencyP95,
    Duration mcpLatencyP95,
    int latencyMinSamples,
    double cacheHitRateMin,
    long cacheMinLookups,
    int openBreakersMax,
    int mcpRestartsMax,
    double heapUsageMax,
    double successRateMin,
    long successMinCalls,
    long budgetRejectionsMax) {
  /** Checks that the durations are present. */
  public DiagnosticsThresholds {
    Objects.requireNonNull(discoveryLatencyP95, "discoveryLatencyP95");
    Objects.requireNonNull(a2aLatencyP95, "a2aLatencyP95");
    Objects.requireNonNull(mcpLatencyP95, "mcpLatencyP95");
  }

  /** Returns the thresholds configured in {@code config}, with defaults for unset keys. */
  public static DiagnosticsThresholds from(RuntimeConfig config) {
    Objects.requireNonNull(config, "config");

    return new DiagnosticsThresholds(
        config.get(MetricsConfigKeys.DISCOVERY_LATENCY_P95),
        config.get(MetricsConfigKeys.A2A_LATENCY_P95),
        config.get(MetricsConfigKeys.MCP_LATENCY_P95),
        config.get(MetricsConfigKeys.LATENCY_MIN_SAMPLES),
        config.get(MetricsConfigKeys.CACHE_HIT_RATE_MIN),
        config.get(MetricsConfigKeys.CACHE_MIN_LOOKUPS),
        config.get(MetricsConfigKeys.OPEN_BREAKERS_MAX),
        config.get(MetricsConfigKeys.MCP_RESTARTS_MAX),
        config.get(MetricsConfigKeys.HEAP_USAGE_MAX),
        config.get(MetricsConfigKeys.SUCCESS_RATE_MIN),
        config.get(MetricsConfigKeys.SUCCESS_MIN_CALLS),
        config.get(MetricsConfigKeys.BUDGET_REJECTIONS_MAX));
  }

  /** Returns the key defaults. */
  public static DiagnosticsThresholds defaults() {
    return new DiagnosticsThresholds(
        MetricsConfigKeys.DISCOVERY_LATENCY_P95.defaultValue().orElseThrow(),
        MetricsConfigKeys.A2A_LATENCY_P95.defaultValue().orElseThrow(),
        MetricsConfigKeys.MCP_LATENCY_P95.defaultValue().orElseThrow(),
        MetricsConfigKeys.LATENCY_MIN_SAMPLES.defaultValue().orElseThrow(),
        MetricsConfigKeys.CACHE_HIT_RATE_MIN.defaultValue().orElseThrow(),
        MetricsConfigKeys.CACHE_MIN_LOOKUPS.defaultValue().orElseThrow(),
        MetricsConfigKeys.OPEN_BREAKERS_MAX.defaultValue().orElseThrow(),
        MetricsConfigKeys.MCP_RESTARTS_MAX.defaultValue().orElseThrow(),
        MetricsConfigKeys.HEAP_USAGE_MAX.defaultValue().orElseThrow(),
        MetricsConfigKeys.SUCCESS_RATE_MIN.defaultValue().orElseThrow(),
        MetricsConfigKeys.SUCCESS_MIN_CALLS.defaultValue().orElseThrow(),
        MetricsConfigKeys.BUDGET_REJECTIONS_MAX.defaultValue().orElseThrow());
  }
}
