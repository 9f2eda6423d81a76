package dev.ossp.runtime.mcp;

import java.util.Map;
import java.util.Objects;

/**
 * A {@code completion/complete} request: which prompt or resource template, which argument, and the
 * text typed so far.
 *
 * @param referenceType {@code ref/prompt} or {@code ref/resource}
 * @param reference the prompt name, or the resource template URI
 * @param argumentName the argument to complete
 * @param argumentValue the text typed so far
 * @param contextArguments arguments already filled in, which may narrow the completion
 */
public record McpCompletionRequest(
    String referenceType,
    String reference,
    String argumentName,
    String argumentValue,
    Map<String, String> contextArguments) {

  /** Checks the parts and copies the context. */
  public McpCompletionRequest {
    Objects.requireNonNull(referenceType, "referenceType");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(argumentName, "argumentName");
    Objects.requireNonNull(argumentValue, "argumentValue");
    if (!referenceType.equals("ref/prompt") && !referenceType.equals("ref/resource")) {
      throw new IllegalArgumentException(
          "referenceType must be ref/prompt or ref/resource, was '" + referenceType + "'");
    }
    contextArguments = Map.copyOf(Objects.requireNonNull(contextArguments, "contextArguments"));
  }

  /** Returns a request to complete argument {@code argumentName} of prompt {@code promptName}. */
  public static McpCompletionRequest forPrompt(
      String promptName, String argumentName, String argumentValue) {
    return new McpCompletionRequest(
        "ref/prompt", promptName, argumentName, argumentValue, Map.of());
  }

  /** Returns a request to complete a variable of the resource template {@code uriTemplate}. */
  public static McpCompletionRequest forResource(
      String uriTemplate, String argumentName, String argumentValue) {
    return new McpCompletionRequest(
        "ref/resource", uriTemplate, argumentName, argumentValue, Map.of());
  }

  /** Returns this request with {@code contextArguments} as already filled-in arguments. */
  public McpCompletionRequest withContext(Map<String, String> contextArguments) {
    return new McpCompletionRequest(
        referenceType, reference, argumentName, argumentValue, contextArguments);
  }
}
