package dev.ossp.runtime.a2a.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.a2a.PushNotificationConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reading and writing helpers both dialects share. */
final class Wire {
  private Wire() {}

  static String required(JsonNode node, String name, String what) {
    String value = Json.text(node, name);
    if (value == null) {
      throw new WireFormatException(what + " has no text field '" + name + "'");
    }
    return value;
  }

  static JsonNode requiredObject(JsonNode node, String name, String what) {
    JsonNode value = node.get(name);
    if (value == null || !value.isObject()) {
      throw new WireFormatException(what + " has no object field '" + name + "'");
    }
    return value;
  }

  static List<JsonNode> array(@Nullable JsonNode node, String name) {
    List<JsonNode> list = new ArrayList<>();
    JsonNode value = node == null ? null : node.get(name);
    if (value != null && value.isArray()) {
      value.forEach(list::add);
    }
    return list;
  }

  static List<String> strings(@Nullable JsonNode node, String name) {
    List<String> list = new ArrayList<>();
    for (JsonNode element : array(node, name)) {
      if (element.isTextual()) {
        list.add(element.asText());
      }
    }
    return list;
  }

  static @Nullable Instant instant(@Nullable JsonNode node, String name) {
    String text = Json.nonEmpty(node, name);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static @Nullable URI uri(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new WireFormatException("URL '" + text + "' is not valid: " + e.getReason());
    }
  }

  static void putIfPresent(ObjectNode node, String name, @Nullable String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  static void putMetadata(ObjectNode node, Map<String, Object> metadata) {
    if (!metadata.isEmpty()) {
      node.set("metadata", Json.fromJava(metadata));
    }
  }

  static void putStrings(ObjectNode node, String name, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = node.putArray(name);
      values.forEach(array::add);
    }
  }

  static PushNotificationConfig push(String taskId, JsonNode config) {
    URI url = uri(required(config, "url", "push notification config"));
    if (url == null) {
      throw new WireFormatException("push notification config has an empty url");
    }
    return new PushNotificationConfig(
        taskId, Json.nonEmpty(config, "id"), url, Json.nonEmpty(config, "token"));
  }
}
