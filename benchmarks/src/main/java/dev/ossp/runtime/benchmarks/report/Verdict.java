package dev.ossp.runtime.benchmarks.report;

import java.util.Objects;

/**
 * The outcome of one goal or target on one results file.
 *
 * @param measured the measured figure, formatted
 * @param status met, not met, or not measured when a result is missing
 */
record Verdict(String measured, Status status) {
  enum Status {
    MET("met"),
    NOT_MET("not met"),
    NOT_MEASURED("not measured");

    final String text;

    Status(String text) {
      this.text = text;
    }
  }

  Verdict {
    Objects.requireNonNull(measured, "measured");
    Objects.requireNonNull(status, "status");
  }

  static Verdict of(String measured, boolean met) {
    return new Verdict(measured, met ? Status.MET : Status.NOT_MET);
  }

  static Verdict missing(String what) {
    return new Verdict("no result for " + what, Status.NOT_MEASURED);
  }
}
