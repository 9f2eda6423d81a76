/** The opt-in adaptive tuner that adjusts breakers and retry policies from observed failures. */
@NullMarked
package dev.ossp.runtime.resilience.internal.tuning;

import org.jspecify.annotations.NullMarked;
