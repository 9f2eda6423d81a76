package dev.ossp.runtime.benchmarks.report;

import java.util.Locale;

/** Converts JMH score units ({@code ns/op}, {@code us/op}, {@code ops/s}, ...) and formats them. */
final class Units {
  private Units() {}

  /** Returns the nanoseconds in one unit of time as JMH spells it: ns, us, ms, s, min. */
  static double nanosIn(String timeUnit) {
    return switch (timeUnit) {
      case "ns" -> 1;
      case "us" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "min" -> 60e9;
      default -> throw new IllegalArgumentException("unknown JMH time unit: " + timeUnit);
    };
  }

  static boolean isThroughput(String unit) {
    return unit.startsWith("ops/");
  }

  /**
   * Returns the mean nanoseconds per operation of one thread. A throughput score counts the
   * operations of all threads, so one thread's operation takes {@code threads / throughput}.
   */
  static double nanosPerOp(double score, String unit, int threads) {
    if (isThroughput(unit)) {
      double perNano = score / nanosIn(unit.substring("ops/".length()));
      return threads / perNano;
    }
    return score * nanosIn(unit.substring(0, unit.indexOf('/')));
  }

  /** Returns the operations per second of all threads together. */
  static double opsPerSecond(double score, String unit, int threads) {
    if (isThroughput(unit)) {
      return score * 1e9 / nanosIn(unit.substring("ops/".length()));
    }
    return threads * 1e9 / nanosPerOp(score, unit, threads);
  }

  /** Formats a duration in the largest unit that keeps it at or above 1, e.g. 12.3 µs. */
  static String duration(double nanos) {
    if (Double.isNaN(nanos)) {
      return "n/a";
    }
    double magnitude = Math.abs(nanos);
    if (magnitude >= 1e9) {
      return number(nanos / 1e9) + " s";
    }
    if (magnitude >= 1e6) {
      return number(nanos / 1e6) + " ms";
    }
    if (magnitude >= 1e3) {
      return number(nanos / 1e3) + " µs";
    }
    return number(nanos) + " ns";
  }

  /** Formats a number with thousands separators, and with two significant digits below 0.1. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 100 || value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (magnitude >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (magnitude >= 0.1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.2g", value);
  }

  /** Returns the symbol of the largest time unit at or below {@code maxNanos}: ns, µs or ms. */
  static String timeUnitFor(double maxNanos) {
    if (maxNanos >= 1e6) {
      return "ms";
    }
    if (maxNanos >= 1e3) {
      return "µs";
    }
    return "ns";
  }

  /** Returns the nanoseconds in the unit that {@link #timeUnitFor} picks for {@code maxNanos}. */
  static double nanosInUnitFor(double maxNanos) {
    if (maxNanos >= 1e6) {
      return 1e6;
    }
    if (maxNanos >= 1e3) {
      return 1e3;
    }
    return 1;
  }

  static String bytes(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (value >= 10_240) {
      return number(value / 1024) + " KiB";
    }
    return String.format(Locale.ROOT, "%,.0f B", value);
  }

  /** Formats a ratio with two significant digits below 0.1, e.g. 0.0012×, else like a number. */
  static String ratio(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "n/a";
    }
    if (Math.abs(value) < 0.1 && value != 0) {
      return String.format(Locale.ROOT, "%.2g×", value);
    }
    return number(value) + "×";
  }
}
