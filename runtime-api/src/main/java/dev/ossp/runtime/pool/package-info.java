/**
 * The {@link dev.ossp.runtime.pool.PoolingStrategy} SPI: limits and eviction for connection and
 * process pools.
 */
@NullMarked
package dev.ossp.runtime.pool;

import org.jspecify.annotations.NullMarked;
