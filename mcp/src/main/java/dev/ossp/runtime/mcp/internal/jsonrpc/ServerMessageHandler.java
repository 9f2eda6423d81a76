package dev.ossp.runtime.mcp.internal.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.mcp.internal.transport.TransportClosed;

/** Handles what the server sends on its own: requests, notifications, and the connection's end. */
public interface ServerMessageHandler {
  /**
   * Handles a request from the server. The handler must answer it exactly once through {@link
   * JsonRpcSession#respond} or {@link JsonRpcSession#respondError}, and must not block: slow work
   * goes to another thread.
   *
   * @param id the request id, a number or string node, echoed in the answer
   * @param params the params, an empty object when absent
   */
  void onRequest(JsonNode id, String method, JsonNode params);

  /**
   * Handles a notification, on the reader thread.
   *
   * @param params the params, an empty object when absent
   */
  void onNotification(String method, JsonNode params);

  /** Called once when the connection ended, after every pending request has failed. */
  void onClosed(TransportClosed closed);
}
