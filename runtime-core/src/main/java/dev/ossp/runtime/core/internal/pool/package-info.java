/** The built-in {@code fixed} pooling strategy. */
@NullMarked
package dev.ossp.runtime.core.internal.pool;

import org.jspecify.annotations.NullMarked;
