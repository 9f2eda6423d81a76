package dev.ossp.runtime.mcp.internal.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.mcp.McpException;
import dev.ossp.runtime.mcp.internal.transport.TransportClosed;
import dev.ossp.runtime.mcp.internal.transport.TransportListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Reading responses from a token stream, and every other line as a tree. */
class MessageReaderTest {
  /** Reads a result's {@code text} member; declines a result whose text is {@code "decline"}. */
  private static final StreamingResultParser<String> TEXT =
      new StreamingResultParser<>() {
        @Override
        public String parse(JsonNode result) {
          return "tree:" + result.path("text").asText();
        }

        @Override
        public @Nullable String parse(JsonParser parser) throws IOException {
          String text = null;
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("text")) {
              text = parser.getText();
            } else {
              parser.skipChildren();
            }
          }
          return "decline".equals(text) ? null : "stream:" + text;
        }
      };

  private final List<String> responses = new ArrayList<>();
  private final List<String> messages = new ArrayList<>();
  private boolean acceptResponses = true;

  private final MessageReader reader =
      new MessageReader(
          new TransportListener() {
            @Override
            public void onMessage(JsonNode message) {
              messages.add(Json.write(message));
            }

            @Override
            public boolean onResponse(long id, MessageReader response) {
              if (!acceptResponses) {
                return false;
              }
              try {
                String value = response.parseResult(TEXT);
                responses.add(
                    id + "=" + (value == null ? TEXT.parse(response.tree().get("result")) : value));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              return true;
            }

            @Override
            public void onMessageTooLarge(@Nullable String idText, long size, long limit) {}

            @Override
            public void onSendFailure(long requestId, McpException failure) {}

            @Override
            public void onClosed(TransportClosed closed) {}
          });

  private boolean read(String line) {
    byte[] bytes = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
    return reader.read(bytes, 2, bytes.length - 4);
  }

  @Test
  void responseIsOfferedWithItsId() {
    // when
    boolean json = read("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"text\":\"hi\"}}");

    // then
    assertThat(json).isTrue();
    assertThat(responses).containsExactly("7=stream:hi");
    assertThat(messages).isEmpty();
  }

  @Test
  void resultBeforeIdIsRead() {
    // when
    read("{\"result\":{\"n\":[1,{\"x\":null}],\"text\":\"hi\"},\"jsonrpc\":\"2.0\",\"id\":8} \t");

    // then
    assertThat(responses).containsExactly("8=stream:hi");
  }

  @Test
  void resultParserDeclineFallsBackToTree() {
    // when
    read("{\"id\":9,\"result\":{\"text\":\"decline\",\"more\":{\"a\":[1]}}}");
    read("{\"id\":10,\"result\":{\"text\":\"next\"}}");

    // then
    assertThat(responses).containsExactly("9=tree:decline", "10=stream:next");
  }

  @Test
  void declinedResponseArrivesAsTree() {
    // given
    acceptResponses = false;

    // when
    read("{\"id\":3,\"result\":{}}");

    // then
    assertThat(messages).containsExactly("{\"id\":3,\"result\":{}}");
  }

  @Test
  void otherMessagesArriveAsTrees() {
    // when
    read("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}");
    read("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    read("{\"id\":2,\"error\":{\"code\":-1,\"message\":\"no\"}}");
    read("{\"id\":\"4\",\"result\":{}}");
    read("{\"id\":5,\"result\":[]}");
    read("{\"id\":6,\"id\":6,\"result\":{}}");
    read("{\"id\":12345678901234567890,\"result\":{}}");
    read("[{\"id\":1,\"result\":{}}]");

    // then
    assertThat(responses).isEmpty();
    assertThat(messages).hasSize(8);
  }

  @Test
  void nonJsonTextIsRejected() {
    // when
    List<Boolean> results =
        List.of(
            read("Server started"),
            read("{\"id\":1,\"result\":{}} {\"id\":2,\"result\":{}}"),
            read("{\"id\":1,\"result\":{}} 5"),
            read("{\"id\":1,\"result\":{\"text\":\"open"),
            read("{\"id\":1,\"result\":"),
            read("\"a string\""),
            read("42"),
            read("null"));

    // then
    assertThat(results).containsOnly(false);
    assertThat(responses).isEmpty();
    assertThat(messages).isEmpty();
  }

  @Test
  void responseAfterRejectedLinesIsStillRead() {
    // given
    read("{\"id\":1,\"result\":{\"text\":\"open");
    read("42");

    // when
    read("{\"id\":2,\"result\":{\"text\":\"after\"}}");

    // then
    assertThat(responses).containsExactly("2=stream:after");
  }

  @Test
  void manyResponsesReuseTheParser() {
    // when
    for (int i = 0; i < 10_000; i++) {
      read("{\"id\":" + i + ",\"result\":{\"text\":\"t" + i + "\",\"f" + i + "\":1}}");
    }

    // then
    assertThat(responses).hasSize(10_000).endsWith("9999=stream:t9999");
  }
}
