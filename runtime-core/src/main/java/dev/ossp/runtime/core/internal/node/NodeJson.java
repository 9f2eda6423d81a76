package dev.ossp.runtime.core.internal.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.core.RuntimeHealth;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.node.NodeResponse;
import java.util.List;
import java.util.Map;

/**
 * The node's JSON bodies: the one error shape and the health report.
 *
 * <p>Every error is {@code {"error":{"status":404,"kind":"not-found","message":"...",
 * "requestId":"..."}}}; a validation error adds {@code "violations":[{"field":..,"message":..}]}.
 */
public final class NodeJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private NodeJson() {}

  /** Returns an error response of the one error shape. */
  public static NodeResponse error(
      int status, String kind, String message, String requestId, List<Violation> violations) {
    ObjectNode error = MAPPER.createObjectNode();
    error.put("status", status);
    error.put("kind", kind);
    error.put("message", message);
    error.put("requestId", requestId);
    if (!violations.isEmpty()) {
      ArrayNode list = error.putArray("violations");
      for (Violation violation : violations) {
        list.addObject().put("field", violation.field()).put("message", violation.message());
      }
    }
    ObjectNode body = MAPPER.createObjectNode();
    body.set("error", error);
    return NodeResponse.json(status, write(body));
  }

  /** Returns an error response without violations. */
  public static NodeResponse error(int status, String kind, String message, String requestId) {
    return error(status, kind, message, requestId, List.of());
  }

  /** Returns the kind code the node uses for an HTTP status it produces itself. */
  public static String kindForStatus(int status) {
    return switch (status) {
      case 400 -> "validation";
      case 401 -> "auth";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 408 -> "timeout";
      case 413 -> "payload-too-large";
      case 414 -> "uri-too-long";
      case 429 -> "rate-limited";
      case 431 -> "headers-too-large";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal" : "bad-request";
    };
  }

  /**
   * Returns the health report as JSON: {@code {"status":"UP","components":{"name":{"status":"UP",
   * "details":{...}}},"strategies":{...}}}, with {@code message} where there is one.
   */
  public static String health(RuntimeHealth health) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("status", health.status().name());
    if (health.message() != null) {
      root.put("message", health.message());
    }
    ObjectNode components = root.putObject("components");
    for (Map.Entry<String, ComponentHealth> entry : health.components().entrySet()) {
      ComponentHealth report = entry.getValue();
      ObjectNode component = components.putObject(entry.getKey());
      component.put("status", report.status().name());
      if (report.message() != null) {
        component.put("message", report.message());
      }
      ObjectNode details = component.putObject("details");
      report.details().forEach((name, value) -> details.set(name, toJson(value)));
    }
    ObjectNode strategies = root.putObject("strategies");
    health.strategies().forEach(strategies::put);
    return write(root);
  }

  private static JsonNode toJson(Object value) {
    try {
      return MAPPER.valueToTree(value);
    } catch (IllegalArgumentException e) {
      // A detail Jackson cannot serialize is shown as text rather than failing the report.
      return MAPPER.getNodeFactory().textNode(String.valueOf(value));
    }
  }

  private static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
