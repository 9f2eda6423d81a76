package dev.ossp.runtime.metrics.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Shared JSON helpers: one configured Jackson mapper, and conversions that write durations as
 * milliseconds and missing or non-finite numbers as {@code null} (JSON has no {@code NaN}).
 */
public final class JsonSupport {
  /** The mapper, pretty-printing, thread-safe once configured. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonSupport() {}

  /** Returns {@code node} as JSON text. */
  public static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("rendering a JSON tree failed", e);
    }
  }

  /** Puts {@code duration} in milliseconds, with fractions. */
  public static void putMillis(ObjectNode node, String field, Duration duration) {
    node.put(field, duration.toNanos() / 1e6);
  }

  /** Puts {@code value}, or {@code null} when it is NaN or infinite. */
  public static void putNumber(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  /** Puts {@code value}, or {@code null} when empty or not finite. */
  public static void putNumber(ObjectNode node, String field, OptionalDouble value) {
    putNumber(node, field, value.orElse(Double.NaN));
  }

  /** Puts {@code value}, or {@code null} when empty. */
  public static void putNumber(ObjectNode node, String field, OptionalLong value) {
    if (value.isPresent()) {
      node.put(field, value.getAsLong());
    } else {
      node.putNull(field);
    }
  }

  /** Converts a statistics value (numbers, text, booleans, maps, lists) to a JSON tree node. */
  public static com.fasterxml.jackson.databind.JsonNode toNode(Object value) {
    if (value instanceof Optional<?> optional) {
      return optional.isPresent() ? toNode(optional.get()) : MAPPER.nullNode();
    }
    return MAPPER.valueToTree(value);
  }
}
