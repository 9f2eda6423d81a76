package dev.ossp.runtime.a2a.internal.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The shared Jackson mapper and conversions between JSON trees and JSON-like Java values. */
public final class Json {
  /** The mapper; thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Returns a new empty object node. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Returns a new empty array node. */
  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Parses {@code text}. */
  public static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /** Parses {@code bytes} as UTF-8 JSON. */
  public static JsonNode parse(byte[] bytes) throws java.io.IOException {
    return MAPPER.readTree(bytes);
  }

  /** Writes {@code node} as compact JSON. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** Returns the text of field {@code name}, or null when it is missing, null or not text. */
  public static @Nullable String text(@Nullable JsonNode node, String name) {
    if (node == null) {
      return null;
    }
    JsonNode value = node.get(name);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** Returns the text of field {@code name}, or null when missing or empty. */
  public static @Nullable String nonEmpty(@Nullable JsonNode node, String name) {
    String value = text(node, name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** Converts a JSON object node to an unmodifiable map of JSON-like Java values. */
  public static Map<String, Object> toMap(@Nullable JsonNode node) {
    if (node == null || !node.isObject()) {
      return Map.of();
    }
    Map<String, Object> map = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      map.put(field.getKey(), toJava(field.getValue()));
    }
    return Collections.unmodifiableMap(map);
  }

  /** Converts any JSON node to maps, lists, strings, numbers, booleans and null. */
  public static @Nullable Object toJava(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      return toMap(node);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        list.add(toJava(element));
      }
      return Collections.unmodifiableList(list);
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return node.asText();
  }

  /** Converts a JSON-like Java value to a JSON tree. */
  public static JsonNode fromJava(@Nullable Object value) {
    return MAPPER.valueToTree(value);
  }
}
