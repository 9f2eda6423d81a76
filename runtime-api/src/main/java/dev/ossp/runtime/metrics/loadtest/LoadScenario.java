package dev.ossp.runtime.metrics.loadtest;

import java.util.Objects;
import java.util.Optional;

/**
 * A named operation to drive, optionally with the performance target it is compared with.
 *
 * @param name a name for reports, such as {@code discovery-query}
 * @param operation the request to send
 * @param target the target row to compare with, or empty
 */
public record LoadScenario(
    String name, LoadOperation operation, Optional<PerformanceTarget> target) {
  /** Checks the parts. */
  public LoadScenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(target, "target");
    if (name.isBlank()) {
      throw new IllegalArgumentException("scenario name must not be blank");
    }
  }

  /** Returns a scenario without a target. */
  public static LoadScenario of(String name, LoadOperation operation) {
    return new LoadScenario(name, operation, Optional.empty());
  }

  /** Returns this scenario compared with {@code target}. */
  public LoadScenario withTarget(PerformanceTarget target) {
    Objects.requireNonNull(target, "target");

    return new LoadScenario(name, operation, Optional.of(target));
  }
}
