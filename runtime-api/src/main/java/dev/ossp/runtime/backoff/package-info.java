/**
 * The {@link dev.ossp.runtime.backoff.BackoffStrategy} SPI: delays between retries and reconnects.
 */
@NullMarked
package dev.ossp.runtime.backoff;

import org.jspecify.annotations.NullMarked;
