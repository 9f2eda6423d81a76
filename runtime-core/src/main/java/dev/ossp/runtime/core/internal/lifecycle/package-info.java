/** Component ordering, start with rollback, stop in reverse order, and health aggregation. */
@NullMarked
package dev.ossp.runtime.core.internal.lifecycle;

import org.jspecify.annotations.NullMarked;
