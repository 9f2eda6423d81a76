package dev.ossp.runtime.mcp;

import java.util.concurrent.CompletionStage;

/**
 * Answers {@code sampling/createMessage}: a server asks the client's language model for a
 * completion. Register one in {@link McpClientOptions} to declare the sampling capability; without
 * one the capability is not declared and such requests get JSON-RPC error -32601.
 *
 * <p>Called on a handler thread, never on the reader thread, so it may block; it should still
 * answer within the server's timeout. Completing the stage with an {@link McpJsonRpcException}
 * sends that code and message; any other failure sends -32603 with the exception's message.
 */
@FunctionalInterface
public interface McpSamplingHandler {
  /**
   * Produces the {@code CreateMessageResult}.
   *
   * @param request the request; its params hold {@code messages}, {@code maxTokens}, and optionally
   *     {@code systemPrompt}, {@code modelPreferences} and others
   * @return the result object as JSON, with {@code role}, {@code content}, {@code model} and
   *     optionally {@code stopReason}
   */
  CompletionStage<String> createMessage(McpServerRequest request);
}
