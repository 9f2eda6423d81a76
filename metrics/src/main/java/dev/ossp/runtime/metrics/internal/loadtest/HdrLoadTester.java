package dev.ossp.runtime.metrics.internal.loadtest;

import dev.ossp.runtime.metrics.loadtest.LatencyDistribution;
import dev.ossp.runtime.metrics.loadtest.LoadMode;
import dev.ossp.runtime.metrics.loadtest.LoadScenario;
import dev.ossp.runtime.metrics.loadtest.LoadTestConfig;
import dev.ossp.runtime.metrics.loadtest.LoadTestListener;
import dev.ossp.runtime.metrics.loadtest.LoadTestReport;
import dev.ossp.runtime.metrics.loadtest.LoadTester;
import dev.ossp.runtime.metrics.loadtest.PerformanceTarget;
import dev.ossp.runtime.metrics.loadtest.ScenarioResult;
import dev.ossp.runtime.metrics.loadtest.TargetComparison;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LoadTester} on HdrHistogram. Each scenario runs a warm-up phase, whose results are
 * dropped, then a measured phase; see {@link PhaseRunner} for how phases start, pace and stop.
 *
 * <p>Limitations: latency is measured around {@link
 * dev.ossp.runtime.metrics.loadtest.LoadOperation#call()} on the worker thread, so it includes the
 * caller's client overhead; workers are platform threads, so very high concurrency costs memory.
 * This class is thread-safe; concurrent runs share nothing.
 */
public final class HdrLoadTester implements LoadTester {
  private static final Logger LOG = LoggerFactory.getLogger(HdrLoadTester.class);

  /** Creates a load tester; used by {@link java.util.ServiceLoader}. */
  public HdrLoadTester() {}

  @Override
  public LoadTestReport run(
      LoadTestConfig config, List<LoadScenario> scenarios, LoadTestListener listener)
      throws InterruptedException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(scenarios, "scenarios");
    Objects.requireNonNull(listener, "listener");

    checkScenarios(scenarios);
    Instant startedAt = Instant.now();
    long runStart = System.nanoTime();
    List<ScenarioResult> results = new ArrayList<>();
    for (LoadScenario scenario : scenarios) {
      results.add(runScenario(config, scenario, listener));
    }
    return new LoadTestReport(
        startedAt, Duration.ofNanos(System.nanoTime() - runStart), config, results);
  }

  @Override
  public String toText(LoadTestReport report) {
    return LoadTestText.render(report);
  }

  @Override
  public String toJson(LoadTestReport report) {
    return LoadTestJson.render(report);
  }

  @Override
  public LoadTestListener consoleProgress(PrintStream terminal) {
    return new ConsoleProgress(terminal);
  }

  private static ScenarioResult runScenario(
      LoadTestConfig config, LoadScenario scenario, LoadTestListener listener)
      throws InterruptedException {
    PhaseRunner runner = new PhaseRunner(scenario, config, listener);
    LOG.info("load test '{}' started: {}", scenario.name(), config);
    if (!config.warmup().isZero()) {
      PhaseRunner.Outcome warmup = runner.run(true, config.warmup(), Long.MAX_VALUE);
      LOG.debug(
          "load test '{}' warmed up with {} requests",
          scenario.name(),
          warmup.recorder().successes() + warmup.recorder().failures());
    }
    PhaseRunner.Outcome measured = runner.run(false, config.duration(), config.maxRequests());
    ScenarioResult result = result(config, scenario, measured);
    LOG.info(
        "load test '{}' finished: {} requests, {} failed, {} req/s, p99 {}",
        scenario.name(),
        result.requests(),
        result.failed(),
        String.format(java.util.Locale.ROOT, "%.1f", result.throughput()),
        result.latency().p99());
    return result;
  }

  private static ScenarioResult result(
      LoadTestConfig config, LoadScenario scenario, PhaseRunner.Outcome measured) {
    PhaseRecorder recorder = measured.recorder();
    long requests = recorder.successes() + recorder.failures();
    Duration elapsed = Duration.ofNanos(Math.max(0, measured.endNanos() - measured.startNanos()));
    double seconds = elapsed.toNanos() / 1e9;
    double throughput = seconds > 0 ? requests / seconds : 0;
    boolean openLoop = config.mode() == LoadMode.OPEN_LOOP;
    LatencyDistribution latency = PhaseRecorder.distribution(recorder.correctedHistogram());
    Optional<LatencyDistribution> serviceTime =
        openLoop
            ? Optional.of(PhaseRecorder.distribution(recorder.serviceTimeHistogram()))
            : Optional.empty();
    Optional<TargetComparison> comparison =
        scenario.target().map(target -> compare(target, latency, throughput));
    return new ScenarioResult(
        scenario.name(),
        config.mode(),
        config.concurrency(),
        requests,
        recorder.successes(),
        recorder.failuresByKind(),
        recorder.interruptedCount(),
        elapsed,
        throughput,
        latency,
        serviceTime,
        measured.stopReason(),
        comparison);
  }

  private static TargetComparison compare(
      PerformanceTarget target, LatencyDistribution latency, double throughput) {
    return new TargetComparison(
        target,
        latency.p95(),
        latency.count() > 0 && latency.p95().compareTo(target.latency()) < 0,
        throughput,
        throughput >= target.throughputPerSecond());
  }

  private static void checkScenarios(List<LoadScenario> scenarios) {
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("a load test needs at least one scenario");
    }
    Set<String> names = new HashSet<>();
    for (LoadScenario scenario : scenarios) {
      if (!names.add(scenario.name())) {
        throw new IllegalArgumentException(
            "scenario name '" + scenario.name() + "' is used twice; names must be unique");
      }
    }
  }
}
