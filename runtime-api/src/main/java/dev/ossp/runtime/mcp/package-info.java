/**
 * The MCP client API: server specs, connections to MCP servers with typed tool, resource, prompt
 * and completion calls, handlers for server-initiated requests, notification listeners, the
 * connection pool and the MCP error types. The {@code ossp-mcp} module implements it; JSON that the
 * API does not type crosses it as JSON text.
 */
@NullMarked
package dev.ossp.runtime.mcp;

import org.jspecify.annotations.NullMarked;
