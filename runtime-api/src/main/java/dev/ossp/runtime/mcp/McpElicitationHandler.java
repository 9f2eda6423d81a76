package dev.ossp.runtime.mcp;

import java.util.concurrent.CompletionStage;

/**
 * Answers {@code elicitation/create}: a server asks the user for input. Register one in {@link
 * McpClientOptions} to declare the elicitation capability (form mode); without one the capability
 * is not declared and such requests get JSON-RPC error -32601.
 *
 * <p>Called on a handler thread, never on the reader thread, so it may block while the user
 * answers. A failed stage sends JSON-RPC error -32603 with the exception's message, or the code of
 * an {@link McpJsonRpcException}.
 */
@FunctionalInterface
public interface McpElicitationHandler {
  /** Asks the user and returns the answer. */
  CompletionStage<McpElicitationResult> elicit(McpElicitationRequest request);
}
