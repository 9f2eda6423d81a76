package dev.ossp.runtime.benchmarks.report;

import java.util.Objects;
import java.util.function.Function;

/**
 * A criterion checked against a results file: one of our goals, a target of the original JavaScript
 * runtime, or a figure reported without a goal.
 *
 * @param kind whether the criterion is our goal, the original runtime's target, or neither
 * @param criterion what is compared, e.g. {@code cached query latency}
 * @param required the bound, e.g. {@code < 1 µs}
 * @param check computes the measured figure and whether the bound is met
 */
record Goal(Kind kind, String criterion, String required, Function<ResultsFile, Verdict> check) {
  enum Kind {
    GOAL("our goal"),
    TARGET("original target"),
    /** A figure reported without a bound, so its verdict is never met or not met. */
    NO_GOAL("no goal set");

    final String text;

    Kind(String text) {
      this.text = text;
    }
  }

  Goal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(required, "required");
    Objects.requireNonNull(check, "check");
  }

  Verdict evaluate(ResultsFile results) {
    return check.apply(results);
  }
}
