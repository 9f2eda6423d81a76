package dev.ossp.runtime.mcp;

import java.util.Objects;

/**
 * An {@code elicitation/create} request: a server asks the user for structured input.
 *
 * @param serverId the server that asked
 * @param message what to ask the user
 * @param requestedSchemaJson the JSON Schema of the expected answer: an object of flat primitive
 *     properties, possibly with {@code default} values
 * @param paramsJson the whole params object as JSON, for fields newer than this API
 */
public record McpElicitationRequest(
    String serverId, String message, String requestedSchemaJson, String paramsJson) {
  /** Checks the parts are present. */
  public McpElicitationRequest {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(requestedSchemaJson, "requestedSchemaJson");
    Objects.requireNonNull(paramsJson, "paramsJson");
  }
}
