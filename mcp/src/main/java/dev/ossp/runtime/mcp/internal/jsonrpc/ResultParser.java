package dev.ossp.runtime.mcp.internal.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the {@code result} member of an answer into a value. A parser that throws makes the request
 * fail with a protocol error naming the method.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ResultParser<T> {
  /** Parses the result, an object in every MCP answer. */
  T parse(JsonNode result);
}
