package dev.ossp.runtime.a2a.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.a2a.AgentCard;
import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.CardShape;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Card shapes as real agents serve them: native v0.3, the hybrid card of a 1.3.0 agent, v1.0. */
class CardParserTest {
  private static final URI SOURCE =
      URI.create("http://127.0.0.1:41241/.well-known/agent-card.json");

  @Test
  void nativeV03CardParses() {
    // given
    String json =
        "{\"name\":\"Echo\",\"protocolVersion\":\"0.3.0\",\"version\":\"1.0.0\","
            + "\"url\":\"http://127.0.0.1:41241/a2a/jsonrpc\",\"preferredTransport\":\"JSONRPC\","
            + "\"additionalInterfaces\":[{\"url\":\"http://127.0.0.1:41241/a2a/rest\",\"transport\":\"HTTP+JSON\"}],"
            + "\"capabilities\":{\"streaming\":true,\"pushNotifications\":false,\"stateTransitionHistory\":true},"
            + "\"securitySchemes\":{\"key\":{\"type\":\"apiKey\",\"in\":\"header\",\"name\":\"X-Key\"}},"
            + "\"skills\":[{\"id\":\"echo\",\"name\":\"Echo\",\"tags\":[\" Echo \",\"TEST\"]}]}";

    // when
    AgentCard card = CardParser.parse(json, SOURCE);

    // then
    assertThat(card.shape()).isEqualTo(CardShape.A2A_V0_3);
    assertThat(card.interfaces())
        .containsExactly(
            new AgentInterface(
                URI.create("http://127.0.0.1:41241/a2a/jsonrpc"), "JSONRPC", "0.3.0"),
            new AgentInterface(
                URI.create("http://127.0.0.1:41241/a2a/rest"), "HTTP+JSON", "0.3.0"));
    assertThat(card.features().stateTransitionHistory()).isTrue();
    assertThat(card.securitySchemes().get(0).location()).isEqualTo("header");
    assertThat(card.securitySchemes().get(0).parameterName()).isEqualTo("X-Key");
    assertThat(card.skills().get(0).tags()).containsExactly("echo", "test");
  }

  @Test
  void v10CardWithRelativeUrlsParses() {
    // given
    String json =
        "{\"name\":\"Modern\",\"version\":\"2.0.0\",\"supportedInterfaces\":["
            + "{\"url\":\"/a2a/jsonrpc\",\"protocolBinding\":\"JSONRPC\",\"protocolVersion\":\"1.0\"},"
            + "{\"url\":\"http://127.0.0.1:41241/a2a/grpc\",\"protocolBinding\":\"GRPC\",\"protocolVersion\":\"1.0\"}],"
            + "\"capabilities\":{\"streaming\":true,\"extendedAgentCard\":true,\"extensions\":[{\"uri\":\"urn:ext:a\"}]},"
            + "\"securitySchemes\":{\"bearer\":{\"httpAuthSecurityScheme\":{\"scheme\":\"Bearer\"}}}}";

    // when
    AgentCard card = CardParser.parse(json, SOURCE);

    // then
    assertThat(card.shape()).isEqualTo(CardShape.A2A_V1_0);
    assertThat(card.jsonRpcInterfaces()).hasSize(1);
    assertThat(card.jsonRpcInterfaces().get(0).url())
        .isEqualTo(URI.create("http://127.0.0.1:41241/a2a/jsonrpc"));
    assertThat(card.features().extendedAgentCard()).isTrue();
    assertThat(card.features().extensions()).containsExactly("urn:ext:a");
    assertThat(card.securitySchemes().get(0).scheme()).isEqualTo("bearer");
  }

  @Test
  void cardsWithoutNameOrEndpointAreRejected() {
    assertThatThrownBy(() -> CardParser.parse("{\"url\":\"http://a/\"}", SOURCE))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("no name");
    assertThatThrownBy(() -> CardParser.parse("{\"name\":\"x\"}", SOURCE))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("names no endpoint");
    assertThatThrownBy(() -> CardParser.parse("[1]", SOURCE))
        .isInstanceOf(WireFormatException.class);
    assertThatThrownBy(() -> CardParser.parse("{\"name\":\"x\",\"url\":\"ftp://h/rpc\"}", SOURCE))
        .hasMessageContaining("not http or https");
  }
}
