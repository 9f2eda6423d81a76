package dev.ossp.runtime.benchmarks.report;

import java.util.Objects;

/**
 * The outcome of one goal or target on one results file.
 *
 * @param measured the measured figure, formatted
 * @param status met, not met, inconclusive when the confidence intervals allow both, not measured
 *     when a result is missing, or not judged when no goal is set
 */
record Verdict(String measured, Status status) {
  enum Status {
    MET("met"),
    NOT_MET("not met"),
    INCONCLUSIVE("inconclusive"),
    NOT_MEASURED("not measured"),
    NOT_JUDGED("not judged");

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

  /**
   * Judges a bound whose {@code margin} is positive when it is met, given the uncertainty {@code
   * error} of the margin (JMH's 99.9% confidence half-widths, combined). Met or not met only when
   * the whole interval agrees, otherwise inconclusive.
   */
  static Verdict judge(String measured, double margin, double error) {
    if (margin - error >= 0) {
      return new Verdict(measured, Status.MET);
    }
    if (margin + error < 0) {
      return new Verdict(measured, Status.NOT_MET);
    }
    return new Verdict(measured, Status.INCONCLUSIVE);
  }

  /**
   * Marks a comparison whose baseline measured slower than the protected call beyond the noise.
   * Extra work cannot be faster, so the run was disturbed and the figure decides nothing.
   */
  static Verdict disturbed(String measured) {
    return new Verdict(measured + "; baseline slower than the variant", Status.INCONCLUSIVE);
  }

  /** Reports a measured figure that no goal judges. */
  static Verdict notJudged(String measured) {
    return new Verdict(measured, Status.NOT_JUDGED);
  }

  static Verdict missing(String what) {
    return new Verdict("no result for " + what, Status.NOT_MEASURED);
  }
}
