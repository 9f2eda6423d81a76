/** The built-in pooling strategies: {@code fixed} and {@code adaptive}. */
@NullMarked
package dev.ossp.runtime.core.internal.pool;

import org.jspecify.annotations.NullMarked;
