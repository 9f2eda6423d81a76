package dev.ossp.runtime.metrics.internal;

import dev.ossp.runtime.config.ConfigKey;
import java.time.Duration;
import java.util.List;

/**
 * The {@code metrics.*} configuration keys. Diagnostics thresholds default to the performance
 * targets of the runtime: discovery below 100 ms, A2A below 500 ms, MCP below 1000 ms.
 *
 * <p>This class contains only constants and is thread-safe.
 */
public final class MetricsConfigKeys {
  /** Time window of timer and histogram percentiles; default 60s. */
  public static final ConfigKey<Duration> RESERVOIR_WINDOW =
      ConfigKey.duration("metrics.reservoir.window")
          .defaultValue(Duration.ofSeconds(60))
          .range(Duration.ofSeconds(1), Duration.ofHours(1))
          .description("time window that timer and histogram percentiles cover")
          .build();

  /** Slices the window is split into; default 6, so values leave the window 10s at a time. */
  public static final ConfigKey<Integer> RESERVOIR_SLICES =
      ConfigKey.integer("metrics.reservoir.slices")
          .defaultValue(6)
          .range(2, 60)
          .description("slices the percentile window is split into; old values expire per slice")
          .build();

  /** Whether the JVM metrics are registered; default true. */
  public static final ConfigKey<Boolean> JVM_ENABLED =
      ConfigKey.bool("metrics.jvm.enabled")
          .defaultValue(true)
          .description("whether JVM memory, GC, thread and CPU metrics are registered")
          .build();

  /** Whether metrics are published as JMX MBeans; default false. */
  public static final ConfigKey<Boolean> JMX_ENABLED =
      ConfigKey.bool("metrics.jmx.enabled")
          .defaultValue(false)
          .description("whether every metric is also published as a JMX MBean")
          .build();

  /** The JMX domain of the MBeans; default {@code dev.ossp.runtime}. */
  public static final ConfigKey<String> JMX_DOMAIN =
      ConfigKey.string("metrics.jmx.domain")
          .defaultValue("dev.ossp.runtime")
          .check(
              value ->
                  value.matches("[A-Za-z0-9._-]+")
                      ? null
                      : "must be letters, digits, dots, dashes or underscores")
          .description("JMX domain of the metric MBeans")
          .build();

  /** Discovery p95 latency above which diagnostics warn; default 100ms. */
  public static final ConfigKey<Duration> DISCOVERY_LATENCY_P95 =
      latency("metrics.diagnostics.discovery-latency-p95", 100, "discovery query");

  /** A2A p95 latency above which diagnostics warn; default 500ms. */
  public static final ConfigKey<Duration> A2A_LATENCY_P95 =
      latency("metrics.diagnostics.a2a-latency-p95", 500, "A2A request");

  /** MCP p95 latency above which diagnostics warn; default 1000ms. */
  public static final ConfigKey<Duration> MCP_LATENCY_P95 =
      latency("metrics.diagnostics.mcp-latency-p95", 1000, "MCP tool call");

  /** Samples a latency window needs before the latency rules judge it; default 20. */
  public static final ConfigKey<Integer> LATENCY_MIN_SAMPLES =
      ConfigKey.integer("metrics.diagnostics.latency-min-samples")
          .defaultValue(20)
          .range(1, 1_000_000)
          .description("samples in the window before a latency rule judges the p95")
          .build();

  /** Discovery cache hit rate below which diagnostics warn; default 0.30. */
  public static final ConfigKey<Double> CACHE_HIT_RATE_MIN =
      ConfigKey.decimal("metrics.diagnostics.cache-hit-rate-min")
          .defaultValue(0.30)
          .range(0.0, 1.0)
          .description("discovery cache hit rate (0..1) below which diagnostics warn")
          .build();

  /** Cache lookups before the hit-rate rule judges; default 100. */
  public static final ConfigKey<Long> CACHE_MIN_LOOKUPS =
      ConfigKey.longValue("metrics.diagnostics.cache-min-lookups")
          .defaultValue(100L)
          .range(1L, Long.MAX_VALUE)
          .description("discovery cache lookups before the hit-rate rule judges")
          .build();

  /** Open A2A circuit breakers tolerated before diagnostics report an error; default 0. */
  public static final ConfigKey<Integer> OPEN_BREAKERS_MAX =
      ConfigKey.integer("metrics.diagnostics.open-breakers-max")
          .defaultValue(0)
          .range(0, 1_000_000)
          .description("open or forced-open A2A circuit breakers tolerated")
          .build();

  /** Restarts of one MCP server tolerated; default 3. */
  public static final ConfigKey<Integer> MCP_RESTARTS_MAX =
      ConfigKey.integer("metrics.diagnostics.mcp-restarts-max")
          .defaultValue(3)
          .range(0, 1_000_000)
          .description("restarts (reconnects) of one MCP server tolerated")
          .build();

  /** Heap in use as a share of the heap limit above which diagnostics warn; default 0.80. */
  public static final ConfigKey<Double> HEAP_USAGE_MAX =
      ConfigKey.decimal("metrics.diagnostics.heap-usage-max")
          .defaultValue(0.80)
          .range(0.0, 1.0)
          .description("heap in use as a share (0..1) of the heap limit above which to warn")
          .build();

  /** A2A and MCP success rate below which diagnostics warn; default 0.80. */
  public static final ConfigKey<Double> SUCCESS_RATE_MIN =
      ConfigKey.decimal("metrics.diagnostics.success-rate-min")
          .defaultValue(0.80)
          .range(0.0, 1.0)
          .description("A2A and MCP success rate (0..1) below which diagnostics warn")
          .build();

  /** Calls before the success-rate rules judge; default 100. */
  public static final ConfigKey<Long> SUCCESS_MIN_CALLS =
      ConfigKey.longValue("metrics.diagnostics.success-min-calls")
          .defaultValue(100L)
          .range(1L, Long.MAX_VALUE)
          .description("A2A requests or MCP calls before a success-rate rule judges")
          .build();

  /** Retries rejected by retry budgets tolerated before diagnostics report them; default 0. */
  public static final ConfigKey<Long> BUDGET_REJECTIONS_MAX =
      ConfigKey.longValue("metrics.diagnostics.budget-rejections-max")
          .defaultValue(0L)
          .range(0L, Long.MAX_VALUE)
          .description("retries rejected by retry budgets tolerated")
          .build();

  private MetricsConfigKeys() {}

  /** Returns every key, for {@code RuntimeComponent.configKeys()}. */
  public static List<ConfigKey<?>> all() {
    return List.of(
        RESERVOIR_WINDOW,
        RESERVOIR_SLICES,
        JVM_ENABLED,
        JMX_ENABLED,
        JMX_DOMAIN,
        DISCOVERY_LATENCY_P95,
        A2A_LATENCY_P95,
        MCP_LATENCY_P95,
        LATENCY_MIN_SAMPLES,
        CACHE_HIT_RATE_MIN,
        CACHE_MIN_LOOKUPS,
        OPEN_BREAKERS_MAX,
        MCP_RESTARTS_MAX,
        HEAP_USAGE_MAX,
        SUCCESS_RATE_MIN,
        SUCCESS_MIN_CALLS,
        BUDGET_REJECTIONS_MAX);
  }

  private static ConfigKey<Duration> latency(String name, long millis, String operation) {
    return ConfigKey.duration(name)
        .defaultValue(Duration.ofMillis(millis))
        .range(Duration.ofNanos(1), Duration.ofHours(1))
        .description("p95 " + operation + " latency above which diagnostics warn")
        .build();
  }
}
