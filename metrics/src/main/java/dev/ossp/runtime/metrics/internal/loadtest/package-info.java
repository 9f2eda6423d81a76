/**
 * The load-test engine: closed- and open-loop workers, HdrHistogram latency recording with
 * coordinated-omission correction, and text and JSON reports.
 */
@NullMarked
package dev.ossp.runtime.metrics.internal.loadtest;

import org.jspecify.annotations.NullMarked;
