package dev.ossp.runtime.metrics.loadtest;

import java.time.Duration;
import java.util.Objects;

/**
 * A progress report of a running scenario.
 *
 * @param scenario the scenario's name
 * @param warmup whether the scenario is still warming up
 * @param elapsed time since the current phase started
 * @param phaseLength the phase's configured length
 * @param requests requests completed in the current phase
 * @param failures failed requests in the current phase
 */
public record LoadProgress(
    String scenario,
    boolean warmup,
    Duration elapsed,
    Duration phaseLength,
    long requests,
    long failures) {
  /** Checks that every part is present. */
  public LoadProgress {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(phaseLength, "phaseLength");
  }
}
