package dev.ossp.runtime.benchmarks.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Factories of the kinds of {@link Goal} the report checks. Each combines JMH's 99.9% confidence
 * half-widths of the scores it compares, and calls a bound met or not met only when the whole
 * interval agrees (see {@link Verdict#judge}).
 */
final class Goals {
  /**
   * Allocation below this counts as zero: the GC profiler's per-operation figure carries a few
   * hundredths of a byte of noise from TLAB accounting.
   */
  static final double ZERO_BYTES = 1.0;

  private Goals() {}

  /**
   * Creates a goal that our overhead over {@code baseline} is at most {@code fraction} of the
   * anchor's.
   */
  static Goal overheadFraction(
      String criterion, Variant ours, Variant anchor, Variant baseline, double fraction) {
    String required = "≤ " + Units.number(fraction) + " × the anchor's overhead";
    return new Goal(
        Goal.Kind.GOAL,
        criterion,
        required,
        results -> {
          Optional<Measurement> o = find(results, ours);
          Optional<Measurement> a = find(results, anchor);
          Optional<Measurement> b = find(results, baseline);
          if (o.isEmpty() || a.isEmpty() || b.isEmpty()) {
            return Verdict.missing(missing(o, ours, a, anchor, b, baseline));
          }
          Measurement base = b.get();
          double ourOverhead = o.get().nanosPerOp() - base.nanosPerOp();
          double ourError = Math.hypot(o.get().nanosPerOpError(), base.nanosPerOpError());
          double anchorOverhead = a.get().nanosPerOp() - base.nanosPerOp();
          double anchorError = Math.hypot(a.get().nanosPerOpError(), base.nanosPerOpError());
          String measured =
              overhead(ourOverhead, ourError)
                  + " vs "
                  + overhead(anchorOverhead, anchorError)
                  + " ("
                  + Units.ratio(ourOverhead / anchorOverhead)
                  + ")";
          if (ourOverhead + ourError < 0 || anchorOverhead + anchorError < 0) {
            return Verdict.disturbed(measured);
          }
          return Verdict.judge(
              measured,
              fraction * anchorOverhead - ourOverhead,
              Math.hypot(ourError, fraction * anchorError));
        });
  }

  /**
   * Creates a goal that our mean time per operation is at most {@code nanos} above the baseline's.
   */
  static Goal overheadWithin(String criterion, Variant ours, Variant baseline, double nanos) {
    return new Goal(
        Goal.Kind.GOAL,
        criterion,
        "≤ +" + Units.duration(nanos),
        results -> {
          Optional<Measurement> o = find(results, ours);
          Optional<Measurement> b = find(results, baseline);
          if (o.isEmpty() || b.isEmpty()) {
            return Verdict.missing(missing(o, ours, b, baseline, b, baseline));
          }
          double overhead = o.get().nanosPerOp() - b.get().nanosPerOp();
          double error = Math.hypot(o.get().nanosPerOpError(), b.get().nanosPerOpError());
          String measured = overhead(overhead, error);
          if (overhead + error < 0) {
            return Verdict.disturbed(measured);
          }
          return Verdict.judge(measured, nanos - overhead, error);
        });
  }

  /** Creates a goal that each variant allocates less than {@code bytes} per operation. */
  static Goal allocationBelow(String criterion, String required, double bytes, List<Variant> all) {
    return new Goal(
        Goal.Kind.GOAL,
        criterion,
        required,
        results -> {
          double worst = 0;
          for (Variant variant : all) {
            Optional<Measurement> m = find(results, variant);
            if (m.isEmpty() || Double.isNaN(m.get().allocatedBytesPerOp())) {
              return Verdict.missing(variant.benchmark() + " with the GC profiler");
            }
            worst = Math.max(worst, m.get().allocatedBytesPerOp());
          }
          String measured = all.size() == 1 ? "" : "max ";
          return Verdict.of(measured + Units.bytes(worst) + "/op", worst < bytes);
        });
  }

  /** Creates a goal that the mean time per operation of each variant is below {@code nanos}. */
  static Goal latencyBelow(String criterion, double nanos, List<Variant> all) {
    return new Goal(
        Goal.Kind.GOAL,
        criterion,
        "< " + Units.duration(nanos),
        results -> {
          Measurement worst = null;
          for (Variant variant : all) {
            Optional<Measurement> m = find(results, variant);
            if (m.isEmpty()) {
              return Verdict.missing(describe(variant));
            }
            if (worst == null || m.get().nanosPerOp() > worst.nanosPerOp()) {
              worst = m.get();
            }
          }
          String prefix = all.size() == 1 ? "" : "max ";
          String measured =
              prefix
                  + Units.duration(worst.nanosPerOp())
                  + " ± "
                  + Units.duration(worst.nanosPerOpError());
          return Verdict.judge(measured, nanos - worst.nanosPerOp(), worst.nanosPerOpError());
        });
  }

  /**
   * Creates a goal that {@code fast} takes at most {@code 1 / factor} of the time per op of {@code
   * slow}.
   */
  static Goal speedupAtLeast(String criterion, Variant fast, Variant slow, double factor) {
    return new Goal(
        Goal.Kind.GOAL,
        criterion,
        "≥ " + Units.ratio(factor),
        results -> {
          Optional<Measurement> f = find(results, fast);
          Optional<Measurement> s = find(results, slow);
          if (f.isEmpty() || s.isEmpty()) {
            return Verdict.missing(missing(f, fast, s, slow, s, slow));
          }
          double speedup = s.get().nanosPerOp() / f.get().nanosPerOp();
          double error = speedup * relativeError(s.get(), f.get());
          return Verdict.judge(Units.ratio(speedup), speedup - factor, error);
        });
  }

  /** Creates a goal that our throughput is at least {@code ratio} times the other variant's. */
  static Goal throughputRatio(String criterion, Variant ours, Variant other, double ratio) {
    return new Goal(
        Goal.Kind.GOAL,
        criterion,
        "≥ " + Units.ratio(ratio),
        results -> {
          Optional<Measurement> o = find(results, ours);
          Optional<Measurement> t = find(results, other);
          if (o.isEmpty() || t.isEmpty()) {
            return Verdict.missing(missing(o, ours, t, other, t, other));
          }
          double measured = o.get().opsPerSecond() / t.get().opsPerSecond();
          double error = measured * relativeError(o.get(), t.get());
          String text =
              Units.ratio(measured)
                  + " ("
                  + Units.number(o.get().opsPerSecond())
                  + " vs "
                  + Units.number(t.get().opsPerSecond())
                  + " ops/s)";
          return Verdict.judge(text, measured - ratio, error);
        });
  }

  /**
   * Creates a row that reports our mean time per operation divided by the baseline's, with its
   * confidence half-width, and judges nothing: above 1× means ours is slower.
   */
  static Goal ratioWithoutGoal(String criterion, Variant ours, Variant baseline) {
    return new Goal(
        Goal.Kind.NO_GOAL,
        criterion,
        "none",
        results -> {
          Optional<Measurement> o = find(results, ours);
          Optional<Measurement> b = find(results, baseline);
          if (o.isEmpty() || b.isEmpty()) {
            return Verdict.missing(missing(o, ours, b, baseline, b, baseline));
          }
          double ratio = o.get().nanosPerOp() / b.get().nanosPerOp();
          double error = ratio * relativeError(o.get(), b.get());
          return Verdict.notJudged(
              Units.ratio(ratio)
                  + " ± "
                  + Units.number(error)
                  + " ("
                  + Units.duration(o.get().nanosPerOp())
                  + " vs "
                  + Units.duration(b.get().nanosPerOp())
                  + ")");
        });
  }

  /**
   * Creates the original runtime's latency target: the p99 of the variant's {@code sample} result
   * where the run has one, otherwise its mean time per operation, is below {@code millis}.
   */
  static Goal originalLatency(double millis, Variant variant) {
    return new Goal(
        Goal.Kind.TARGET,
        "latency (" + variant.benchmark() + ")",
        "< " + Units.number(millis) + " ms",
        results -> {
          Optional<Measurement> sample =
              results.find(variant.benchmark(), "sample", variant.params());
          OptionalDouble p99 =
              sample.map(m -> m.percentileNanos("99.0")).orElse(OptionalDouble.empty());
          if (p99.isPresent()) {
            return Verdict.of(
                "p99 " + Units.duration(p99.getAsDouble()), p99.getAsDouble() < millis * 1e6);
          }
          Optional<Measurement> m = find(results, variant);
          if (m.isEmpty()) {
            return Verdict.missing(describe(variant));
          }
          double mean = m.get().nanosPerOp();
          return Verdict.judge(
              "mean " + Units.duration(mean), millis * 1e6 - mean, m.get().nanosPerOpError());
        });
  }

  /** Creates the original runtime's throughput target on the variant's operations per second. */
  static Goal originalThroughput(double perSecond, Variant variant) {
    return new Goal(
        Goal.Kind.TARGET,
        "throughput (" + variant.benchmark() + ")",
        "≥ " + Units.number(perSecond) + " ops/s",
        results -> {
          Optional<Measurement> m = find(results, variant);
          if (m.isEmpty()) {
            return Verdict.missing(describe(variant));
          }
          double measured = m.get().opsPerSecond();
          return Verdict.judge(
              Units.number(measured) + " ops/s", measured - perSecond, m.get().opsPerSecondError());
        });
  }

  static Optional<Measurement> find(ResultsFile results, Variant variant) {
    return results.find(variant.benchmark(), variant.mode(), variant.params());
  }

  static String describe(Variant variant) {
    return variant.benchmark() + " (" + variant.mode() + ")";
  }

  private static String overhead(double nanos, double error) {
    String sign = nanos >= 0 ? "+" : "−";
    return sign + Units.duration(Math.abs(nanos)) + " ± " + Units.duration(error);
  }

  /** Returns the relative error of a ratio of two scores, from their relative errors. */
  private static double relativeError(Measurement first, Measurement second) {
    return Math.hypot(
        first.nanosPerOpError() / first.nanosPerOp(),
        second.nanosPerOpError() / second.nanosPerOp());
  }

  private static String missing(
      Optional<Measurement> first,
      Variant firstVariant,
      Optional<Measurement> second,
      Variant secondVariant,
      Optional<Measurement> third,
      Variant thirdVariant) {
    if (first.isEmpty()) {
      return describe(firstVariant);
    }
    if (second.isEmpty()) {
      return describe(secondVariant);
    }
    return describe(thirdVariant);
  }
}
