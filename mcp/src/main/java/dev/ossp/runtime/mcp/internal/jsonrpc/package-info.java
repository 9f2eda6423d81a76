/**
 * JSON-RPC 2.0 over any message transport: request ids, pending requests matched by id, timeouts,
 * cancellation, and dispatch of server requests and notifications.
 */
@NullMarked
package dev.ossp.runtime.mcp.internal.jsonrpc;

import org.jspecify.annotations.NullMarked;
