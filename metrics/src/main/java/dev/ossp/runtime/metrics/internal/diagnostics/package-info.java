/**
 * The diagnostics report: system facts, component health and statistics, and recommendations
 * computed from observed metric values against configured thresholds.
 */
@NullMarked
package dev.ossp.runtime.metrics.internal.diagnostics;

import org.jspecify.annotations.NullMarked;
