/**
 * The metrics component: it binds the Dropwizard-backed {@link dev.ossp.runtime.metrics.Metrics},
 * the exporter, diagnostics and the load tester, and contributes the node routes {@code /metrics},
 * {@code /metrics/summary} and {@code /diagnostics}.
 */
@NullMarked
package dev.ossp.runtime.metrics.internal;

import org.jspecify.annotations.NullMarked;
