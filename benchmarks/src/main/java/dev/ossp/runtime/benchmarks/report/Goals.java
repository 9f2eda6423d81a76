package dev.ossp.runtime.benchmarks.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Factories of the kinds of {@link Goal} the report checks. */
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
          double ourOverhead = o.get().nanosPerOp() - b.get().nanosPerOp();
          double anchorOverhead = a.get().nanosPerOp() - b.get().nanosPerOp();
          String measured =
              "+"
                  + Units.duration(ourOverhead)
                  + " vs +"
                  + Units.duration(anchorOverhead)
                  + " ("
                  + Units.ratio(ourOverhead / anchorOverhead)
                  + ")";
          return Verdict.of(measured, ourOverhead <= fraction * anchorOverhead);
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
          return Verdict.of("+" + Units.duration(overhead), overhead <= nanos);
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
          double worst = 0;
          for (Variant variant : all) {
            Optional<Measurement> m = find(results, variant);
            if (m.isEmpty()) {
              return Verdict.missing(describe(variant));
            }
            worst = Math.max(worst, m.get().nanosPerOp());
          }
          String measured = all.size() == 1 ? "" : "max ";
          return Verdict.of(measured + Units.duration(worst), worst < nanos);
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
          return Verdict.of(Units.ratio(speedup), speedup >= factor);
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
          return Verdict.of(
              Units.ratio(measured)
                  + " ("
                  + Units.number(o.get().opsPerSecond())
                  + " vs "
                  + Units.number(t.get().opsPerSecond())
                  + " ops/s)",
              measured >= ratio);
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
          return Verdict.of("mean " + Units.duration(mean), mean < millis * 1e6);
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
          return Verdict.of(Units.number(measured) + " ops/s", measured >= perSecond);
        });
  }

  static Optional<Measurement> find(ResultsFile results, Variant variant) {
    return results.find(variant.benchmark(), variant.mode(), variant.params());
  }

  static String describe(Variant variant) {
    return variant.benchmark() + " (" + variant.mode() + ")";
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
