/**
 * The built-in {@link dev.ossp.runtime.backoff.BackoffStrategy} implementations and a lookup of
 * installed strategies by name for use without the runtime.
 */
@NullMarked
package dev.ossp.runtime.resilience.internal.backoff;

import org.jspecify.annotations.NullMarked;
