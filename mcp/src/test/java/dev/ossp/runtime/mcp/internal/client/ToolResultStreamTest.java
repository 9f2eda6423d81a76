package dev.ossp.runtime.mcp.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ossp.runtime.mcp.McpContent;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.jsonrpc.Json;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stream form of the tools/call result parser against its tree form. */
class ToolResultStreamTest {
  private static @Nullable McpToolResult stream(String result) throws IOException {
    try (JsonParser parser = Json.MAPPER.createParser(result)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      McpToolResult value = ToolResultStream.INSTANCE.parse(parser);
      if (value != null) {
        assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
        assertThat(parser.nextToken()).isNull();
      }
      return value;
    }
  }

  private static McpToolResult tree(String result) {
    return ToolResultStream.INSTANCE.parse(Json.parse(result, "result"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"content\":[{\"type\":\"text\",\"text\":\"Echo: hi\"}]}",
        "{\"content\":[{\"text\":\"a\",\"type\":\"text\",\"annotations\":{\"x\":[1]}}]}",
        "{\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]}",
        "{\"content\":[],\"isError\":true}",
        "{\"content\":null,\"isError\":false,\"structuredContent\":null,\"_meta\":null}",
        "{\"other\":{\"nested\":[{}]},\"content\":[{\"type\":\"text\",\"text\":\"\"}]}",
        "{}"
      })
  void acceptedResultMatchesTreeForm(String result) throws IOException {
    assertThat(stream(result)).isNotNull().isEqualTo(tree(result));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"content\":[{\"type\":\"image\",\"data\":\"AA==\",\"mimeType\":\"image/png\"}]}",
        "{\"content\":[{\"type\":\"text\"}]}",
        "{\"content\":[{\"type\":\"text\",\"text\":1}]}",
        "{\"content\":[{\"type\":\"texts\",\"text\":\"a\"}]}",
        "{\"content\":[{\"type\":\"text\",\"text\":\"a\",\"text\":\"b\"}]}",
        "{\"content\":[\"a\"]}",
        "{\"content\":{}}",
        "{\"content\":[],\"content\":[]}",
        "{\"content\":[],\"isError\":\"true\"}",
        "{\"content\":[],\"structuredContent\":{\"a\":1}}",
        "{\"content\":[],\"_meta\":{\"a\":1}}"
      })
  void unusualResultIsDeclined(String result) throws IOException {
    assertThat(stream(result)).isNull();
  }

  @Test
  void severalBlocksKeepTheirOrder() throws IOException {
    // when
    McpToolResult result =
        stream(
            "{\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"},"
                + "{\"type\":\"text\",\"text\":\"c\"}]}");

    // then
    assertThat(result).isNotNull();
    assertThat(result.content())
        .containsExactly(
            new McpContent.Text("a"), new McpContent.Text("b"), new McpContent.Text("c"));
    assertThat(result.isError()).isFalse();
  }

  @Test
  void missingContentIsEmpty() throws IOException {
    // when
    McpToolResult result = stream("{\"isError\":true}");

    // then
    assertThat(result).isNotNull();
    assertThat(result.content()).isEqualTo(List.of());
    assertThat(result.isError()).isTrue();
  }
}
