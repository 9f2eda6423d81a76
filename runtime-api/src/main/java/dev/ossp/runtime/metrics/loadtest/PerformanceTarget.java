package dev.ossp.runtime.metrics.loadtest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A row of the performance target table: the latency, throughput and memory a component must reach.
 * The constants are the floor taken over from the original runtime.
 *
 * @param component the component, such as {@code discovery}
 * @param latency the latency the 95th percentile must stay below
 * @param throughputPerSecond the throughput to reach, in requests per second
 * @param memoryBytes the memory the component may use
 */
public record PerformanceTarget(
    String component, Duration latency, double throughputPerSecond, long memoryBytes) {
  private static final long MIB = 1024L * 1024;

  /** Agent discovery: below 100 ms, 1000 requests/s, below 50 MiB. */
  public static final PerformanceTarget DISCOVERY =
      new PerformanceTarget("discovery", Duration.ofMillis(100), 1000, 50 * MIB);

  /** A2A communication: below 500 ms, 100 requests/s, below 100 MiB. */
  public static final PerformanceTarget A2A =
      new PerformanceTarget("a2a", Duration.ofMillis(500), 100, 100 * MIB);

  /** MCP tool execution: below 1000 ms, 50 requests/s, below 200 MiB. */
  public static final PerformanceTarget MCP =
      new PerformanceTarget("mcp", Duration.ofMillis(1000), 50, 200 * MIB);

  /** Circuit breaker: below 10 ms, 10000 requests/s, below 10 MiB. */
  public static final PerformanceTarget CIRCUIT_BREAKER =
      new PerformanceTarget("circuit-breaker", Duration.ofMillis(10), 10_000, 10 * MIB);

  /** Retry policy: below 5 ms, 10000 requests/s, below 5 MiB. */
  public static final PerformanceTarget RETRY_POLICY =
      new PerformanceTarget("retry-policy", Duration.ofMillis(5), 10_000, 5 * MIB);

  /** Checks the values. */
  public PerformanceTarget {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative() || latency.isZero()) {
      throw new IllegalArgumentException("latency must be > 0, was " + latency);
    }
    if (!(throughputPerSecond > 0) || Double.isInfinite(throughputPerSecond)) {
      throw new IllegalArgumentException(
          "throughputPerSecond must be a finite number > 0, was " + throughputPerSecond);
    }
    if (memoryBytes <= 0) {
      throw new IllegalArgumentException("memoryBytes must be > 0, was " + memoryBytes);
    }
  }

  /** Returns the whole table, in the order above. */
  public static List<PerformanceTarget> table() {
    return List.of(DISCOVERY, A2A, MCP, CIRCUIT_BREAKER, RETRY_POLICY);
  }
}
