package dev.ossp.runtime.a2a.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.a2a.A2aJsonRpcException;
import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** JSON-RPC 2.0 envelopes: requests out, results or typed errors in. */
public final class JsonRpc {
  private static final AtomicLong IDS = new AtomicLong();

  private JsonRpc() {}

  /** Returns a request with a new numeric id. */
  public static ObjectNode request(String method, JsonNode params) {
    ObjectNode request = Json.object();
    request.put("jsonrpc", "2.0");
    request.put("id", IDS.incrementAndGet());
    request.put("method", method);
    request.set("params", params);
    return request;
  }

  /**
   * Returns the {@code result} of a response.
   *
   * @throws A2aJsonRpcException when the response carries an error object
   * @throws OsspException of kind {@code PROTOCOL} when it is no JSON-RPC response
   */
  public static JsonNode result(JsonNode response, ErrorContext context) {
    throwIfError(response, context);
    JsonNode result = response.get("result");
    if (result == null) {
      throw protocol("the agent's JSON-RPC response has neither result nor error", context);
    }
    return result;
  }

  /** Throws the error a response carries, if any. */
  public static void throwIfError(JsonNode response, ErrorContext context) {
    if (!response.isObject()) {
      throw protocol("the agent's answer is not a JSON-RPC response object", context);
    }
    JsonNode error = response.get("error");
    if (error != null && !error.isNull()) {
      int code = error.path("code").asInt(0);
      String message = error.path("message").asText("(no message)");
      throw new A2aJsonRpcException(code, message, Json.toJava(error.get("data")), context);
    }
  }

  /** Returns the JSON-RPC error in {@code body}, when it holds one. */
  public static Optional<A2aJsonRpcException> errorIn(String body, ErrorContext context) {
    try {
      JsonNode node = Json.parse(body);
      if (node != null && node.isObject() && node.has("error")) {
        throwIfError(node, context);
      }
    } catch (A2aJsonRpcException e) {
      return Optional.of(e);
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Returns a protocol error: the agent's answer broke the JSON-RPC or A2A contract. */
  public static OsspException protocol(String message, ErrorContext context) {
    return new OsspException(ErrorKind.PROTOCOL, message, null, context, false);
  }
}
