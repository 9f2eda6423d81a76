/**
 * The MCP module's implementation: the runtime component, its configuration keys and metrics.
 * Nothing here is API; use the types in {@code dev.ossp.runtime.mcp}.
 */
@NullMarked
package dev.ossp.runtime.mcp.internal;

import org.jspecify.annotations.NullMarked;
