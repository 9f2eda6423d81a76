/**
 * The metrics facade that every module records through; {@link
 * dev.ossp.runtime.metrics.Metrics#noop()} when no metrics module is installed.
 */
@NullMarked
package dev.ossp.runtime.metrics;

import org.jspecify.annotations.NullMarked;
