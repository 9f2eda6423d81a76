package dev.ossp.runtime.mcp.internal.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reused per-thread buffer that requests are written into. */
class OutgoingMessageTest {
  private static String writeArguments(String json) throws IOException {
    OutgoingMessage message = OutgoingMessage.acquire();
    try {
      JsonGenerator generator = message.generator();
      generator.writeStartObject();
      generator.writeFieldName("arguments");
      if (!message.writeObjectIfPlain(json)) {
        generator.writeString("declined");
      }
      generator.writeEndObject();
      generator.flush();
      return new String(message.buffer(), 0, message.length(), StandardCharsets.UTF_8);
    } finally {
      message.release();
    }
  }

  @Test
  void plainObjectIsCopiedAsItIs() throws IOException {
    assertThat(writeArguments("  {\"a\": [1, 2.50], \"b\": {\"c\": \"\\u0041\"}}\t"))
        .isEqualTo("{\"arguments\":{\"a\": [1, 2.50], \"b\": {\"c\": \"\\u0041\"}}}");
  }

  @Test
  void anythingButOnePlainObjectIsDeclined() throws IOException {
    String declined = "{\"arguments\":\"declined\"}";
    assertThat(writeArguments("{\"a\":\n1}")).as("line break").isEqualTo(declined);
    assertThat(writeArguments("{\"a\":\"ü\"}")).as("non-ASCII").isEqualTo(declined);
    assertThat(writeArguments("[1]")).as("array").isEqualTo(declined);
    assertThat(writeArguments("{\"a\":1} {}")).as("two objects").isEqualTo(declined);
    assertThat(writeArguments("{\"a\":1} 5")).as("trailing number").isEqualTo(declined);
    assertThat(writeArguments("{\"a\":1}}")).as("extra brace").isEqualTo(declined);
    assertThat(writeArguments("{\"a\":")).as("incomplete").isEqualTo(declined);
    assertThat(writeArguments("{a:1}")).as("invalid").isEqualTo(declined);
    assertThat(writeArguments("")).as("empty").isEqualTo(declined);
  }

  @Test
  void messagesAfterADeclineAreWrittenAgain() throws IOException {
    // given
    writeArguments("{\"a\":");
    writeArguments("{\"a\":1}}");

    // when
    String written = writeArguments("{\"b\":2}");

    // then
    assertThat(written).isEqualTo("{\"arguments\":{\"b\":2}}");
  }

  @Test
  void nestedAcquireGetsItsOwnBuffer() throws IOException {
    // given
    OutgoingMessage outer = OutgoingMessage.acquire();
    try {
      outer.generator().writeString("outer");
      outer.generator().flush();

      // when
      String inner = writeArguments("{}");

      // then
      assertThat(inner).isEqualTo("{\"arguments\":{}}");
      assertThat(new String(outer.buffer(), 0, outer.length(), StandardCharsets.UTF_8))
          .isEqualTo("\"outer\"");
    } finally {
      outer.release();
    }
  }

  @Test
  void largeMessageGrowsTheBuffer() throws IOException {
    // given
    String big = "{\"text\":\"" + "x".repeat(200_000) + "\"}";

    // when
    String written = writeArguments(big);

    // then
    assertThat(written).hasSize(big.length() + "{\"arguments\":}".length());
    assertThat(writeArguments("{}")).isEqualTo("{\"arguments\":{}}");
  }
}
