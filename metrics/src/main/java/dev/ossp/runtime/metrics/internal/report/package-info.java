/**
 * The summary, JSON rendering, console and CSV reporting behind {@link
 * dev.ossp.runtime.metrics.MetricsExporter}.
 */
@NullMarked
package dev.ossp.runtime.metrics.internal.report;

import org.jspecify.annotations.NullMarked;
