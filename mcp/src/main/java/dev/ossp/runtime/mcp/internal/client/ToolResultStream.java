package dev.ossp.runtime.mcp.internal.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.mcp.McpContent;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.jsonrpc.StreamingResultParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses the result of {@code tools/call}. The stream form reads the common result, text blocks and
 * an optional boolean {@code isError}, and declines anything else (other block types, {@code
 * structuredContent}, {@code _meta}, repeated members, unexpected types), which {@link
 * McpResults#toolResult} then parses from the tree. Both forms give the same value for a result the
 * stream form accepts.
 */
final class ToolResultStream implements StreamingResultParser<McpToolResult> {
  static final ToolResultStream INSTANCE = new ToolResultStream();

  private ToolResultStream() {}

  @Override
  public McpToolResult parse(JsonNode result) {
    return McpResults.toolResult(result);
  }

  @Override
  public @Nullable McpToolResult parse(JsonParser parser) throws IOException {
    List<McpContent> blocks = List.of();
    boolean hasContent = false;
    boolean isError = false;
    boolean hasIsError = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "content" -> {
          if (hasContent) {
            return null;
          }
          hasContent = true;
          if (value == JsonToken.START_ARRAY) {
            blocks = textBlocks(parser);
            if (blocks == null) {
              return null;
            }
          } else if (value != JsonToken.VALUE_NULL) {
            return null;
          }
        }
        case "isError" -> {
          if (hasIsError || !value.isBoolean()) {
            return null;
          }
          hasIsError = true;
          isError = value == JsonToken.VALUE_TRUE;
        }
        case "structuredContent", "_meta" -> {
          if (value != JsonToken.VALUE_NULL) {
            return null;
          }
        }
        default -> parser.skipChildren();
      }
    }
    return new McpToolResult(blocks, null, isError, null);
  }

  /** Reads an array of text blocks up to its end; returns null for anything else. */
  private static @Nullable List<McpContent> textBlocks(JsonParser parser) throws IOException {
    McpContent first = null;
    List<McpContent> blocks = null;
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
      McpContent block = textBlock(parser);
      if (block == null) {
        return null;
      }
      if (first == null) {
        first = block;
      } else {
        if (blocks == null) {
          blocks = new ArrayList<>();
          blocks.add(first);
        }
        blocks.add(block);
      }
    }
    if (token != JsonToken.END_ARRAY) {
      return null;
    }
    if (blocks != null) {
      return blocks;
    }
    return first == null ? List.of() : List.of(first);
  }

  /** Reads a {@code {"type":"text","text":...}} block; returns null for any other block. */
  private static McpContent.@Nullable Text textBlock(JsonParser parser) throws IOException {
    boolean typeIsText = false;
    boolean hasType = false;
    String text = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("type")) {
        if (hasType || value != JsonToken.VALUE_STRING) {
          return null;
        }
        hasType = true;
        typeIsText = isText(parser);
      } else if (name.equals("text")) {
        if (text != null || value != JsonToken.VALUE_STRING) {
          return null;
        }
        text = parser.getText();
      } else {
        parser.skipChildren();
      }
    }
    return typeIsText && text != null ? new McpContent.Text(text) : null;
  }

  /** Returns whether the current string token is {@code text}, without creating a string. */
  private static boolean isText(JsonParser parser) throws IOException {
    if (parser.getTextLength() != 4) {
      return false;
    }
    char[] chars = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    return chars[offset] == 't'
        && chars[offset + 1] == 'e'
        && chars[offset + 2] == 'x'
        && chars[offset + 3] == 't';
  }
}
