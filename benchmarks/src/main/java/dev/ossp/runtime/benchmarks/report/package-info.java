/**
 * Records JMH results with the machine they ran on, and turns a results file into {@code
 * benchmarks/RESULTS.md} with SVG charts.
 */
@NullMarked
package dev.ossp.runtime.benchmarks.report;

import org.jspecify.annotations.NullMarked;
