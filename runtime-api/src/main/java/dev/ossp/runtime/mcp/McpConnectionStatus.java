package dev.ossp.runtime.mcp;

/** Where a connection is in its life. */
public enum McpConnectionStatus {
  /** Starting the process or HTTP session, or running {@code initialize}. */
  CONNECTING,
  /** Initialized; requests are accepted. */
  CONNECTED,
  /** {@code close()} was called and the connection is shutting down. */
  CLOSING,
  /** Closed by the client, or after the server went away. */
  CLOSED
}
