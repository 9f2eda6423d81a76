package dev.ossp.runtime.mcp;

/** How the client reaches an MCP server. */
public enum McpTransportKind {
  /** A local process that exchanges newline-delimited JSON-RPC over its stdin and stdout. */
  STDIO,
  /** A remote server over MCP Streamable HTTP: POST requests, JSON or SSE responses. */
  STREAMABLE_HTTP
}
