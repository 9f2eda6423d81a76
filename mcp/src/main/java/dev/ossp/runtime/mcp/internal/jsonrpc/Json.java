package dev.ossp.runtime.mcp.internal.jsonrpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/** The module's one Jackson mapper and small helpers around it. Thread-safe. */
public final class Json {
  /**
   * The shared mapper; it rejects text after the first JSON value. Jackson's default cap of 20
   * million characters per string is lifted, because the transports already bound each message by
   * the spec's maximum message size.
   */
  public static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxStringLength(Integer.MAX_VALUE)
                          .maxDocumentLength(-1)
                          .build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The node factory for building messages. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** Returns a new empty object node. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /**
   * Parses JSON text.
   *
   * @throws IllegalArgumentException naming {@code what} if the text is not valid JSON
   */
  public static JsonNode parse(String text, String what) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          what + " is not valid JSON: " + e.getOriginalMessage() + " in: " + abbreviate(text, 200),
          e);
    }
  }

  /** Returns the node as compact JSON text. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the node as compact JSON text, or null for a missing or null node. */
  public static @Nullable String writeOrNull(@Nullable JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? null : write(node);
  }

  /** Returns the text of a string member, or null when it is missing or not a string. */
  public static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  /** Returns a string member's text, or the empty string. */
  public static String textOrEmpty(JsonNode node, String field) {
    String text = text(node, field);
    return text == null ? "" : text;
  }

  /** Returns a boolean member, or null when it is missing or not a boolean. */
  public static @Nullable Boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isBoolean() ? value.booleanValue() : null;
  }

  /** Returns at most {@code max} characters of {@code text}, marking a cut with an ellipsis. */
  public static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }

  /** Parses bytes as JSON; wraps the parser's error. */
  public static JsonNode parse(byte[] bytes, int offset, int length) throws IOException {
    return MAPPER.readTree(bytes, offset, length);
  }
}
