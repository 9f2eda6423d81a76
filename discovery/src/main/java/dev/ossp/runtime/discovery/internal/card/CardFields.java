package dev.ossp.runtime.discovery.internal.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.ossp.runtime.error.Violation;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of card fields that record a violation, naming the field's path, when a field has the
 * wrong JSON type.
 */
final class CardFields {
  private final List<Violation> violations;

  CardFields(List<Violation> violations) {
    this.violations = violations;
  }

  void add(String field, String message) {
    violations.add(new Violation(field, message));
  }

  List<Violation> violations() {
    return violations;
  }

  /** Returns the stripped text of {@code parent.name}, or null when absent, null or invalid. */
  @Nullable String text(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      add(path, path + " must be a string, was " + describe(node));
      return null;
    }
    return node.textValue().strip();
  }

  /** Returns {@code parent.name} when it is an object; null when absent or invalid. */
  @Nullable JsonNode object(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      add(path, path + " must be an object, was " + describe(node));
      return null;
    }
    return node;
  }

  /** Returns {@code parent.name} when it is an array; null when absent or invalid. */
  @Nullable JsonNode array(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      add(path, path + " must be an array, was " + describe(node));
      return null;
    }
    return node;
  }

  /** Returns {@code parent.name} as a boolean; false when absent, null or invalid. */
  boolean flag(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      add(path, path + " must be true or false, was " + describe(node));
      return false;
    }
    return node.booleanValue();
  }

  /** Names a node's JSON type for messages, such as {@code a number}. */
  static String describe(JsonNode node) {
    JsonNodeType type = node.getNodeType();
    return switch (type) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL, MISSING -> "null";
      default -> type.name().toLowerCase(Locale.ROOT);
    };
  }

  /** Returns the capability or tag form of {@code value}: stripped and in lower case. */
  static String fold(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
