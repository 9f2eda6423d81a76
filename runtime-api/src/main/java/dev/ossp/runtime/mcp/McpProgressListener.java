package dev.ossp.runtime.mcp;

/**
 * Receives the progress notifications of one request. Called on the connection's reader thread in
 * the order the server sent them, so it must return quickly and never block on a request to the
 * same server. An exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface McpProgressListener {
  /** Called for each progress notification of the request. */
  void onProgress(McpProgress progress);
}
