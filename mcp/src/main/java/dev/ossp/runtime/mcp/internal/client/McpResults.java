package dev.ossp.runtime.mcp.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.mcp.McpCompletion;
import dev.ossp.runtime.mcp.McpContent;
import dev.ossp.runtime.mcp.McpPrompt;
import dev.ossp.runtime.mcp.McpPromptResult;
import dev.ossp.runtime.mcp.McpResource;
import dev.ossp.runtime.mcp.McpResourceContents;
import dev.ossp.runtime.mcp.McpResourceTemplate;
import dev.ossp.runtime.mcp.McpServerInfo;
import dev.ossp.runtime.mcp.McpTool;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.jsonrpc.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Parses MCP results into API values. Required members that are missing or of the wrong type throw
 * {@link IllegalArgumentException}, which the session reports as a protocol error; optional members
 * that are missing become null.
 */
final class McpResults {
  private McpResults() {}

  static McpToolResult toolResult(JsonNode result) {
    JsonNode content = result.get("content");
    List<McpContent> blocks = new ArrayList<>();
    if (content != null && !content.isNull()) {
      requireArray(content, "content");
      for (JsonNode block : content) {
        blocks.add(content(block));
      }
    }
    JsonNode isError = result.get("isError");
    return new McpToolResult(
        blocks,
        Json.writeOrNull(result.get("structuredContent")),
        isError != null && isError.asBoolean(false),
        Json.writeOrNull(result.get("_meta")));
  }

  static McpContent content(JsonNode block) {
    if (!block.isObject()) {
      throw new IllegalArgumentException("a content block is not an object: " + block);
    }
    String type = Json.textOrEmpty(block, "type");
    return switch (type) {
      case "text" -> new McpContent.Text(required(block, "text"));
      case "image" -> new McpContent.Image(required(block, "data"), required(block, "mimeType"));
      case "audio" -> new McpContent.Audio(required(block, "data"), required(block, "mimeType"));
      case "resource_link" ->
          new McpContent.ResourceLink(
              required(block, "uri"),
              Json.text(block, "name") == null ? required(block, "uri") : required(block, "name"),
              Json.text(block, "title"),
              Json.text(block, "description"),
              Json.text(block, "mimeType"));
      case "resource" -> new McpContent.EmbeddedResource(resourceContents(block.path("resource")));
      default -> new McpContent.Unknown(type, Json.write(block));
    };
  }

  static McpResourceContents resourceContents(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("resource contents are not an object: " + node);
    }
    String uri = required(node, "uri");
    String mimeType = Json.text(node, "mimeType");
    if (node.has("text")) {
      return new McpResourceContents.Text(uri, mimeType, required(node, "text"));
    }
    if (node.has("blob")) {
      return new McpResourceContents.Blob(uri, mimeType, required(node, "blob"));
    }
    throw new IllegalArgumentException(
        "resource contents of " + uri + " have neither text nor blob");
  }

  static List<McpResourceContents> readResult(JsonNode result) {
    return list(result, "contents", McpResults::resourceContents);
  }

  static McpTool tool(JsonNode node) {
    JsonNode annotations = node.path("annotations");
    JsonNode inputSchema = node.get("inputSchema");
    String title = Json.text(node, "title");
    if (title == null && annotations.isObject()) {
      title = Json.text(annotations, "title");
    }
    return new McpTool(
        required(node, "name"),
        title,
        Json.text(node, "description"),
        inputSchema == null || inputSchema.isNull()
            ? "{\"type\":\"object\"}"
            : Json.write(inputSchema),
        Json.writeOrNull(node.get("outputSchema")),
        annotations.isObject() ? Json.bool(annotations, "readOnlyHint") : null,
        annotations.isObject() ? Json.bool(annotations, "idempotentHint") : null,
        annotations.isObject() ? Json.bool(annotations, "destructiveHint") : null,
        annotations.isObject() ? Json.bool(annotations, "openWorldHint") : null);
  }

  static McpResource resource(JsonNode node) {
    JsonNode size = node.get("size");
    return new McpResource(
        required(node, "uri"),
        Json.text(node, "name") == null ? required(node, "uri") : required(node, "name"),
        Json.text(node, "title"),
        Json.text(node, "description"),
        Json.text(node, "mimeType"),
        size != null && size.canConvertToLong() ? size.longValue() : -1);
  }

  static McpResourceTemplate resourceTemplate(JsonNode node) {
    return new McpResourceTemplate(
        required(node, "uriTemplate"),
        Json.text(node, "name") == null ? required(node, "uriTemplate") : required(node, "name"),
        Json.text(node, "title"),
        Json.text(node, "description"),
        Json.text(node, "mimeType"));
  }

  static McpPrompt prompt(JsonNode node) {
    List<McpPrompt.Argument> arguments = new ArrayList<>();
    JsonNode declared = node.get("arguments");
    if (declared != null && declared.isArray()) {
      for (JsonNode argument : declared) {
        arguments.add(
            new McpPrompt.Argument(
                required(argument, "name"),
                Json.text(argument, "description"),
                argument.path("required").asBoolean(false)));
      }
    }
    return new McpPrompt(
        required(node, "name"),
        Json.text(node, "title"),
        Json.text(node, "description"),
        arguments);
  }

  static McpPromptResult promptResult(JsonNode result) {
    List<McpPromptResult.Message> messages =
        list(
            result,
            "messages",
            message ->
                new McpPromptResult.Message(
                    required(message, "role"), content(message.path("content"))));
    return new McpPromptResult(Json.text(result, "description"), messages);
  }

  static McpCompletion completion(JsonNode result) {
    JsonNode completion = result.path("completion");
    if (!completion.isObject()) {
      throw new IllegalArgumentException("the result has no completion object");
    }
    List<String> values = new ArrayList<>();
    JsonNode array = completion.path("values");
    requireArray(array, "completion.values");
    for (JsonNode value : array) {
      values.add(value.asText());
    }
    JsonNode total = completion.get("total");
    return new McpCompletion(
        values,
        total != null && total.canConvertToLong() ? total.longValue() : -1,
        completion.path("hasMore").asBoolean(false));
  }

  static McpServerInfo serverInfo(String protocolVersion, JsonNode result) {
    JsonNode info = result.path("serverInfo");
    JsonNode capabilities = result.path("capabilities");
    Set<String> names = new LinkedHashSet<>();
    if (capabilities.isObject()) {
      capabilities.fieldNames().forEachRemaining(names::add);
    }
    String name = Json.text(info, "name");
    String version = Json.text(info, "version");
    return new McpServerInfo(
        protocolVersion,
        name == null ? "unknown" : name,
        version == null ? "unknown" : version,
        Json.text(info, "title"),
        names,
        capabilities.isObject() ? Json.write(capabilities) : "{}",
        Json.text(result, "instructions"));
  }

  /** Returns the items of array member {@code field}, each parsed with {@code parser}. */
  static <T> List<T> list(JsonNode result, String field, Function<JsonNode, T> parser) {
    JsonNode array = result.get(field);
    if (array == null || array.isNull()) {
      return List.of();
    }
    requireArray(array, field);
    List<T> items = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      items.add(parser.apply(item));
    }
    return items;
  }

  /** Returns the {@code nextCursor} of a page, or null on the last page. */
  static @Nullable String nextCursor(JsonNode result) {
    String cursor = Json.text(result, "nextCursor");
    return cursor == null || cursor.isEmpty() ? null : cursor;
  }

  private static void requireArray(JsonNode node, String field) {
    if (!node.isArray()) {
      throw new IllegalArgumentException("'" + field + "' is not an array");
    }
  }

  private static String required(JsonNode node, String field) {
    String text = Json.text(node, field);
    if (text == null) {
      throw new IllegalArgumentException(
          "'" + field + "' is missing or not a string in " + Json.abbreviate(node.toString(), 200));
    }
    return text;
  }
}
