package dev.ossp.runtime.mcp;

import java.util.Objects;

/**
 * A request a server sent to the client, passed to a handler.
 *
 * @param serverId the server that sent it
 * @param method the JSON-RPC method, such as {@code sampling/createMessage}
 * @param paramsJson the request's params as JSON, {@code {}} when absent
 */
public record McpServerRequest(String serverId, String method, String paramsJson) {
  /** Checks the parts are present. */
  public McpServerRequest {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(paramsJson, "paramsJson");
  }
}
