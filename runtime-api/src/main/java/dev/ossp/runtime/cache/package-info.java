/**
 * The {@link dev.ossp.runtime.cache.CacheStrategy} SPI, used for discovery results, response caches
 * and tool lists.
 */
@NullMarked
package dev.ossp.runtime.cache;

import org.jspecify.annotations.NullMarked;
