/** The contract between the JSON-RPC session and the stdio and Streamable HTTP transports. */
@NullMarked
package dev.ossp.runtime.mcp.internal.transport;

import org.jspecify.annotations.NullMarked;
