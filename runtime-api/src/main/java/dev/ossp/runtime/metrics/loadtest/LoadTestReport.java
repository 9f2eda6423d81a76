package dev.ossp.runtime.metrics.loadtest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The results of one load-test run, one entry per scenario in the order they ran.
 *
 * @param startedAt when the run started
 * @param elapsed the run's real time, warm-ups included
 * @param config the configuration it ran with
 * @param scenarios the results
 */
public record LoadTestReport(
    Instant startedAt, Duration elapsed, LoadTestConfig config, List<ScenarioResult> scenarios) {
  /** Copies the list. */
  public LoadTestReport {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(config, "config");
    scenarios = List.copyOf(scenarios);
  }
}
