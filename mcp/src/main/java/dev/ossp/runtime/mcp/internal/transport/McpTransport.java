package dev.ossp.runtime.mcp.internal.transport;

import java.time.Duration;

/**
 * Moves whole JSON-RPC messages between the client and one server. A transport delivers every
 * incoming message, and the end of the connection, to the {@link TransportListener} given to {@link
 * #start}; it does not track requests and responses.
 *
 * <p>Implementations are thread-safe: {@link #send} may be called from any thread.
 */
public interface McpTransport {
  /**
   * Starts the transport: spawns the process, or prepares the HTTP client.
   *
   * @throws dev.ossp.runtime.mcp.McpException if the server cannot be started
   */
  void start(TransportListener listener);

  /**
   * Sends one message, serialized as UTF-8 JSON without a line break.
   *
   * @param message the message bytes
   * @param length the message is the first {@code length} bytes of {@code message}; the array may
   *     be reused once this method returns, so a transport that sends later copies them
   * @param requestId the id of the request this message is, or -1 for answers and notifications; a
   *     transport that fails asynchronously reports the failure for this id
   * @throws dev.ossp.runtime.mcp.McpException if the message cannot be sent now
   */
  void send(byte[] message, int length, long requestId);

  /**
   * Called once the {@code initialize} handshake succeeded, with the negotiated protocol version.
   * The HTTP transport starts sending the version header and opens its event stream here.
   */
  default void initialized(String protocolVersion) {}

  /** The process id of a stdio server, or -1. */
  default long pid() {
    return -1;
  }

  /** Refreshes what the transport knows of the server's child processes; a no-op for HTTP. */
  default void refreshDescendants() {}

  /**
   * Closes the transport within {@code gracePeriod} plus one second, and then reports {@link
   * TransportListener#onClosed} if it has not yet. Calling it again does nothing.
   */
  void close(Duration gracePeriod);
}
