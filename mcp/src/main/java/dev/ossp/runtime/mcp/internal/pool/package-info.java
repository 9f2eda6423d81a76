/** The connection pool: reuse, eviction, health checks, restarts with backoff and breakers. */
@NullMarked
package dev.ossp.runtime.mcp.internal.pool;

import org.jspecify.annotations.NullMarked;
