package dev.ossp.runtime.core.internal.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.error.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a YAML configuration file into raw values. Nested maps become path segments (a map key that
 * contains dots stays one segment), lists become list values, and a null value means "not set".
 * Duplicate keys are an error.
 */
public final class YamlConfigFile {
  /** The violation field of problems with the file itself rather than one key. */
  public static final String FIELD = "config-file";

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private YamlConfigFile() {}

  /**
   * Reads {@code file}.
   *
   * @throws ConfigException if the file is missing, unreadable, not valid YAML or not a map of
   *     settings at the top level
   */
  public static List<RawValue> read(Path file) {
    Objects.requireNonNull(file, "file");

    String source = sourceName(file);
    if (Files.isDirectory(file)) {
      throw fileProblem("config file '" + file + "' is a directory, not a YAML file");
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw fileProblem(
          "invalid YAML in " + source + where + ": " + firstLine(e.getOriginalMessage()));
    } catch (NoSuchFileException e) {
      throw fileProblem(notFound(file));
    } catch (IOException e) {
      if (!Files.exists(file)) {
        throw fileProblem(notFound(file));
      }
      throw fileProblem("config file '" + file + "' cannot be read: " + e.getMessage());
    }
    List<RawValue> values = new ArrayList<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return values;
    }
    if (!root.isObject()) {
      throw fileProblem(
          "invalid YAML in "
              + source
              + ": expected a map of settings at the top level, found "
              + describe(root));
    }
    flatten(root, new ArrayList<>(), source, values);
    return values;
  }

  /** Returns how messages name a value from {@code file}: {@code file <file name>}. */
  public static String sourceName(Path file) {
    Path name = file.getFileName();
    return "file " + (name == null ? file.toString() : name.toString());
  }

  private static String notFound(Path file) {
    return "config file '" + file + "' not found; pass an existing YAML file or none";
  }

  private static void flatten(
      JsonNode node, List<String> path, String source, List<RawValue> values) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      List<String> child = new ArrayList<>(path);
      child.add(field.getKey());
      JsonNode value = field.getValue();
      if (value.isObject()) {
        flatten(value, child, source, values);
      } else if (!value.isNull()) {
        values.add(new RawValue(child, toValue(value), source));
      }
    }
  }

  private static Object toValue(JsonNode node) {
    if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      for (JsonNode item : node) {
        items.add(item.isNull() ? "" : toValue(item));
      }
      return items;
    }
    if (node.isObject()) {
      return YAML.convertValue(node, Map.class);
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.asText();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "a list";
    }
    return "the value '" + node.asText() + "'";
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static ConfigException fileProblem(String message) {
    return new ConfigException(new Violation(FIELD, message));
  }
}
