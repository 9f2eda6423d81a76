package dev.ossp.runtime.mcp;

import java.util.concurrent.CompletableFuture;

/**
 * Opens single, unpooled connections. Most callers use {@link McpPool}, which also restarts crashed
 * servers and closes idle ones.
 *
 * <p>Implementations are thread-safe.
 */
public interface McpConnector {
  /**
   * Starts the server (stdio) or opens the session (Streamable HTTP) and runs {@code initialize}.
   * The future fails with {@link McpSpawnException} when the process cannot start, {@link
   * McpProtocolException} when the server answers with an unsupported protocol version, {@link
   * McpConnectionClosedException} when the server exits first, and {@link McpTimeoutException} when
   * the spec's initialize timeout passes. On failure nothing is left running.
   */
  CompletableFuture<McpClient> connect(McpServerSpec spec, McpClientOptions options);

  /** Connects with {@link McpClientOptions#defaults()}. */
  default CompletableFuture<McpClient> connect(McpServerSpec spec) {
    return connect(spec, McpClientOptions.defaults());
  }
}
