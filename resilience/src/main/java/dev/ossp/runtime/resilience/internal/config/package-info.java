/** The {@code resilience.*} configuration keys and their translation into resilience configs. */
@NullMarked
package dev.ossp.runtime.resilience.internal.config;

import org.jspecify.annotations.NullMarked;
