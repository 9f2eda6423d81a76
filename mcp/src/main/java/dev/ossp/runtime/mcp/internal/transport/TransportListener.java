package dev.ossp.runtime.mcp.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.mcp.McpException;
import dev.ossp.runtime.mcp.internal.jsonrpc.MessageReader;
import org.jspecify.annotations.Nullable;

/** Receives what a transport reads, and the end of the connection. */
public interface TransportListener {
  /** Called for each incoming message: an object, or an array for a JSON-RPC batch. */
  void onMessage(JsonNode message);

  /**
   * Offers a response to request {@code id} before it is parsed into a tree: an object with an
   * integer id and an object result, and no method or error. A listener that returns true has
   * handled it; on false the transport delivers it to {@link #onMessage} instead. The default
   * declines.
   *
   * @param response reads the response's result, during this call only
   */
  default boolean onResponse(long id, MessageReader response) {
    return false;
  }

  /**
   * Called when an incoming message exceeded the maximum message size and was skipped.
   *
   * @param idText the message's request id as found in its first or last bytes, or null
   * @param size the message size in bytes
   * @param limit the maximum message size
   */
  void onMessageTooLarge(@Nullable String idText, long size, long limit);

  /** Called when a transport failed to deliver request {@code requestId} asynchronously. */
  void onSendFailure(long requestId, McpException failure);

  /** Called once, when the connection ended for whatever reason. */
  void onClosed(TransportClosed closed);
}
