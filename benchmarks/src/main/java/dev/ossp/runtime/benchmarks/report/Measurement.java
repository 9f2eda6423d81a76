package dev.ossp.runtime.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One JMH result: a benchmark method in one mode with one set of parameters.
 *
 * @param benchmark the class's simple name and the method, e.g. {@code RetryBenchmark.direct}
 * @param mode JMH's short mode name: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param threads the benchmark threads
 * @param forks the forks the score was measured in
 * @param params the {@code @Param} values, empty for a benchmark without parameters
 * @param score the primary score in {@code unit}
 * @param error the half-width of JMH's 99.9% confidence interval, NaN where JMH gave none
 * @param unit the score's unit, e.g. {@code ns/op} or {@code ops/s}
 * @param percentiles the percentiles of a {@code sample} result keyed by JMH's labels ({@code
 *     "50.0"}, {@code "99.0"}), in {@code unit}; empty for the other modes
 * @param allocatedBytesPerOp the GC profiler's {@code gc.alloc.rate.norm}, or NaN without it
 */
public record Measurement(
    String benchmark,
    String mode,
    int threads,
    int forks,
    Map<String, String> params,
    double score,
    double error,
    String unit,
    Map<String, Double> percentiles,
    double allocatedBytesPerOp) {

  public Measurement {
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(unit, "unit");
    params = Map.copyOf(params);
    percentiles = Map.copyOf(percentiles);
  }

  /** Reads one element of the array that JMH writes with {@code -rf json}. */
  static Measurement fromJmh(JsonNode node) {
    String qualified = node.path("benchmark").asText();
    int methodDot = qualified.lastIndexOf('.');
    int classDot = qualified.lastIndexOf('.', methodDot - 1);
    Map<String, String> params = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("params").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> param = it.next();
      params.put(param.getKey(), param.getValue().asText());
    }
    JsonNode primary = node.path("primaryMetric");
    Map<String, Double> percentiles = new LinkedHashMap<>();
    if ("sample".equals(node.path("mode").asText())) {
      for (Iterator<Map.Entry<String, JsonNode>> it = primary.path("scorePercentiles").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> percentile = it.next();
        percentiles.put(percentile.getKey(), percentile.getValue().asDouble());
      }
    }
    JsonNode allocation = node.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
    return new Measurement(
        qualified.substring(classDot + 1),
        node.path("mode").asText(),
        node.path("threads").asInt(1),
        node.path("forks").asInt(1),
        params,
        primary.path("score").asDouble(Double.NaN),
        primary.path("scoreError").asDouble(Double.NaN),
        primary.path("scoreUnit").asText(),
        percentiles,
        allocation.isNumber() ? allocation.asDouble() : Double.NaN);
  }

  /**
   * Returns the mean time per operation in nanoseconds: the score itself for a time unit, or the
   * threads divided by the throughput for a throughput unit (JMH adds up the threads' operations).
   */
  double nanosPerOp() {
    return Units.nanosPerOp(score, unit, threads);
  }

  /**
   * Returns the error of {@link #nanosPerOp()}: the score's error in nanoseconds, or for a
   * throughput the same relative error; zero where JMH gave none.
   */
  double nanosPerOpError() {
    if (Double.isNaN(error)) {
      return 0;
    }
    if (Units.isThroughput(unit)) {
      return nanosPerOp() * error / score;
    }
    return Units.nanosPerOp(error, unit, threads);
  }

  /** Returns the error of {@link #opsPerSecond()}, zero where JMH gave none. */
  double opsPerSecondError() {
    return Double.isNaN(error) ? 0 : opsPerSecond() * error / score;
  }

  /** Returns the operations per second of all threads together. */
  double opsPerSecond() {
    return Units.opsPerSecond(score, unit, threads);
  }

  /** Returns a percentile of a {@code sample} result in nanoseconds, if JMH recorded it. */
  OptionalDouble percentileNanos(String label) {
    Double value = percentiles.get(label);
    if (value == null) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Units.nanosPerOp(value, unit, 1));
  }
}
