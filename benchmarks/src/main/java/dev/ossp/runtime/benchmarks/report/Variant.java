package dev.ossp.runtime.benchmarks.report;

import java.util.Map;
import java.util.Objects;

/**
 * One row of a comparison: a benchmark method, in one JMH mode with some parameters, run by one
 * library.
 *
 * @param label what the row measures, e.g. {@code CLOSED, executeSupplier}
 * @param library the library or baseline that runs the call, e.g. {@code resilience4j 2.4.0}
 * @param role whether the row is ours, an anchor library or a baseline
 * @param benchmark the class's simple name and the method
 * @param mode JMH's short mode name
 * @param params the parameters the result must have; other parameters may vary
 */
record Variant(
    String label,
    String library,
    Role role,
    String benchmark,
    String mode,
    Map<String, String> params) {

  /** The part a row plays in the comparison. */
  enum Role {
    OURS,
    ANCHOR,
    BASELINE
  }

  Variant {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(mode, "mode");
    params = Map.copyOf(params);
  }

  static Variant ours(String label, String benchmark, String mode, Map<String, String> params) {
    return new Variant(label, "OSSP", Role.OURS, benchmark, mode, params);
  }

  static Variant anchor(
      String label, String library, String benchmark, String mode, Map<String, String> params) {
    return new Variant(label, library, Role.ANCHOR, benchmark, mode, params);
  }

  static Variant baseline(
      String label, String library, String benchmark, String mode, Map<String, String> params) {
    return new Variant(label, library, Role.BASELINE, benchmark, mode, params);
  }
}
