/**
 * The bridge from the Dropwizard registry to the official Prometheus Java client, which writes the
 * text exposition format.
 */
@NullMarked
package dev.ossp.runtime.metrics.internal.prometheus;

import org.jspecify.annotations.NullMarked;
