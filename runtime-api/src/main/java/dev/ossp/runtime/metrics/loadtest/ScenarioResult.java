package dev.ossp.runtime.metrics.loadtest;

import dev.ossp.runtime.error.ErrorKind;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one scenario's measured phase.
 *
 * @param scenario the scenario's name
 * @param mode the pacing mode
 * @param concurrency the number of workers
 * @param requests requests completed in the measured phase (successes plus failures)
 * @param successes requests that returned normally
 * @param failures failed requests per error kind, only kinds that occurred
 * @param interrupted requests still running after the drain timeout, interrupted and not counted in
 *     {@code requests}
 * @param elapsed real time from the first start to the last completion of the measured phase
 * @param throughput {@code requests} divided by {@code elapsed}, per second
 * @param latency the latency distribution; coordinated-omission corrected in an open-loop run
 * @param serviceTime the uncorrected service times of an open-loop run; empty for a closed loop,
 *     where {@code latency} is the service time
 * @param stopReason why the measured phase ended
 * @param comparison the comparison with the scenario's target, or empty when it has none
 */
public record ScenarioResult(
    String scenario,
    LoadMode mode,
    int concurrency,
    long requests,
    long successes,
    Map<ErrorKind, Long> failures,
    long interrupted,
    Duration elapsed,
    double throughput,
    LatencyDistribution latency,
    Optional<LatencyDistribution> serviceTime,
    StopReason stopReason,
    Optional<TargetComparison> comparison) {
  /** Checks the counts and copies the failures. */
  public ScenarioResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(failures, "failures");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(serviceTime, "serviceTime");
    Objects.requireNonNull(stopReason, "stopReason");
    Objects.requireNonNull(comparison, "comparison");
    EnumMap<ErrorKind, Long> copy = new EnumMap<>(ErrorKind.class);
    copy.putAll(failures);
    failures = Collections.unmodifiableMap(copy);
    long failed = failures.values().stream().mapToLong(Long::longValue).sum();
    if (successes < 0 || requests != successes + failed) {
      throw new IllegalArgumentException(
          "requests ("
              + requests
              + ") must be successes ("
              + successes
              + ") plus failures ("
              + failed
              + ")");
    }
  }

  /** Returns the number of failed requests. */
  public long failed() {
    return requests - successes;
  }
}
