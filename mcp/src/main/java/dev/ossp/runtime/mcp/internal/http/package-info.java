/** The Streamable HTTP transport on Apache HttpClient 5, with its SSE parser. */
@NullMarked
package dev.ossp.runtime.mcp.internal.http;

import org.jspecify.annotations.NullMarked;
