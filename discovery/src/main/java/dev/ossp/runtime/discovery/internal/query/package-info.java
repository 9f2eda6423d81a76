/** Query evaluation over the indexes, sorting, cursors, the result cache and health probes. */
@NullMarked
package dev.ossp.runtime.discovery.internal.query;

import org.jspecify.annotations.NullMarked;
