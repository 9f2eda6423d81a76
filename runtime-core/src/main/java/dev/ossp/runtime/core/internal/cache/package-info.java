/** The built-in cache strategies: {@code caffeine} and {@code none}. */
@NullMarked
package dev.ossp.runtime.core.internal.cache;

import org.jspecify.annotations.NullMarked;
