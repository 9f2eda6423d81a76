package dev.ossp.runtime.benchmarks.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rows measured side by side: our variant, the anchors and a baseline. Each group becomes one table
 * and one bar chart of the report.
 *
 * @param title the table's heading, e.g. {@code CLOSED, 1 thread}
 * @param chart the chart's file name without extension, unique in the report
 * @param variants the rows in the order shown
 */
record Group(String title, String chart, List<Variant> variants) {
  Group {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(chart, "chart");
    variants = List.copyOf(variants);
  }

  Optional<Variant> first(Variant.Role role) {
    return variants.stream().filter(v -> v.role() == role).findFirst();
  }
}
