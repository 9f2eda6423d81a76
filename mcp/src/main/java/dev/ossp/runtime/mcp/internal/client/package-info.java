/**
 * The MCP client on top of the JSON-RPC session: the initialize handshake, typed requests, result
 * parsing and the handling of server requests and notifications.
 */
@NullMarked
package dev.ossp.runtime.mcp.internal.client;

import org.jspecify.annotations.NullMarked;
