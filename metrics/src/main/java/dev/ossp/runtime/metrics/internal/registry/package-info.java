/**
 * The Dropwizard registry behind the metrics facade: meters keyed by name and tags, the
 * sliding-time-window reservoir, and the Prometheus names each meter exports under.
 */
@NullMarked
package dev.ossp.runtime.metrics.internal.registry;

import org.jspecify.annotations.NullMarked;
