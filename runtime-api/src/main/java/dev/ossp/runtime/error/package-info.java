/**
 * The error model: one exception hierarchy rooted in {@link dev.ossp.runtime.error.OsspException},
 * classified by {@link dev.ossp.runtime.error.ErrorKind}.
 */
@NullMarked
package dev.ossp.runtime.error;

import org.jspecify.annotations.NullMarked;
