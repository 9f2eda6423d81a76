package dev.ossp.runtime.benchmarks.report;

import java.util.List;
import java.util.Objects;

/**
 * One component of the report: its comparison groups and the goals and original targets it is
 * checked against.
 *
 * @param title the component, e.g. {@code Circuit breaker}
 * @param slug the prefix of the section's chart files
 * @param intro a paragraph on what is measured, in Markdown
 * @param groups the comparisons, one table and chart each
 * @param goals our goals and the original runtime's targets
 */
record Section(String title, String slug, String intro, List<Group> groups, List<Goal> goals) {
  Section {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(intro, "intro");
    groups = List.copyOf(groups);
    goals = List.copyOf(goals);
  }
}
