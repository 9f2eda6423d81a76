/** The circuit breaker state machine, its sliding windows and the breaker registry. */
@NullMarked
package dev.ossp.runtime.resilience.internal.breaker;

import org.jspecify.annotations.NullMarked;
