package dev.ossp.runtime.discovery.internal.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.CardShape;
import dev.ossp.runtime.discovery.SecurityScheme;
import dev.ossp.runtime.discovery.internal.testing.Cards;
import dev.ossp.runtime.urn.AgentUrn;
import java.net.URI;
import org.junit.jupiter.api.Test;

class CardNormalizerTest {
  private final CardNormalizer normalizer = new CardNormalizer();

  private NormalizedCard normalize(String card, String urn) {
    return normalizer.normalize(AgentRegistration.of(AgentUrn.parse(urn), card));
  }

  @Test
  void readsV02CardWithAuthenticationAndFeatures() {
    // when
    NormalizedCard card = normalize(Cards.V0_2, "urn:agent:finance:currency");

    // then
    assertThat(card.shape()).isEqualTo(CardShape.A2A_V0_2);
    assertThat(card.urn()).hasToString("urn:agent:finance:currency@1.0.0");
    assertThat(card.name()).isEqualTo("Currency Agent");
    assertThat(card.description()).isEqualTo("Converts currencies");
    assertThat(card.provider().organization()).isEqualTo("Example Org");
    assertThat(card.interfaces())
        .containsExactly(new AgentInterface(URI.create("http://127.0.0.1:9001/"), "JSONRPC", null));
    assertThat(card.securitySchemes())
        .containsExactly(new SecurityScheme("Bearer", "http", "bearer", null, null));
    assertThat(card.features().streaming()).isTrue();
    assertThat(card.capabilities())
        .containsExactlyInAnyOrder("streaming", "convert_currency", "finance", "fx");
    assertThat(card.tags()).containsExactlyInAnyOrder("finance", "fx");
  }

  @Test
  void readsV03CardPreferredInterfaceFirst() {
    // when
    NormalizedCard card = normalize(Cards.V0_3, "urn:agent:demo:echo@2.1.0");

    // then
    assertThat(card.shape()).isEqualTo(CardShape.A2A_V0_3);
    assertThat(card.interfaces())
        .containsExactly(
            new AgentInterface(
                URI.create("http://127.0.0.1:41241/a2a/jsonrpc"), "JSONRPC", "0.3.0"),
            new AgentInterface(
                URI.create("http://127.0.0.1:41241/a2a/rest"), "HTTP+JSON", "0.3.0"));
    assertThat(card.securitySchemes())
        .containsExactly(
            new SecurityScheme("apiKey", "apiKey", null, "header", "X-API-Key"),
            new SecurityScheme("bearer", "http", "bearer", null, null));
    assertThat(card.features().stateTransitionHistory()).isTrue();
    assertThat(card.capabilities())
        .containsExactlyInAnyOrder("streaming", "state-transition-history", "echo", "text", "demo");
  }

  @Test
  void readsHybridCardInterfacesOfBothGenerations() {
    // when
    NormalizedCard card = normalize(Cards.V0_3_HYBRID, "urn:agent:demo:hybrid");

    // then
    assertThat(card.shape()).isEqualTo(CardShape.A2A_V0_3);
    assertThat(card.interfaces())
        .extracting(AgentInterface::binding, AgentInterface::protocolVersion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("JSONRPC", "0.3"),
            org.assertj.core.groups.Tuple.tuple("HTTP+JSON", "0.3"),
            org.assertj.core.groups.Tuple.tuple("JSONRPC", "1.0"));
  }

  @Test
  void readsV10CardWithPerInterfaceVersions() {
    // when
    NormalizedCard card = normalize(Cards.V1_0, "urn:agent:travel:planner");

    // then
    assertThat(card.shape()).isEqualTo(CardShape.A2A_V1_0);
    assertThat(card.urn().version()).hasValueSatisfying(v -> assertThat(v).hasToString("3.0.0"));
    assertThat(card.interfaces())
        .containsExactly(
            new AgentInterface(URI.create("https://127.0.0.1:8443/a2a"), "JSONRPC", "1.0"),
            new AgentInterface(URI.create("https://127.0.0.1:8443/grpc"), "GRPC", "1.0"));
    assertThat(card.securitySchemes())
        .containsExactly(
            new SecurityScheme("oauth", "oauth2", null, null, null),
            new SecurityScheme("key", "apiKey", null, "header", "X-Key"));
    assertThat(card.features().pushNotifications()).isTrue();
    assertThat(card.features().extendedAgentCard()).isTrue();
    assertThat(card.features().extensions()).containsExactly("https://example.org/ext/trace");
    assertThat(card.capabilities())
        .containsExactlyInAnyOrder(
            "push-notifications", "extended-agent-card", "plan-trip", "book", "travel", "planning");
  }

  @Test
  void readsV10CardWithoutInterfaceVersions() {
    // when
    NormalizedCard card = normalize(Cards.V1_0_NO_VERSIONS, "urn:agent:travel:quiet");

    // then
    assertThat(card.interfaces())
        .containsExactly(
            new AgentInterface(URI.create("http://127.0.0.1:8080/a2a"), "HTTP+JSON", null));
    assertThat(card.capabilities()).isEmpty();
  }

  @Test
  void readsManifestWithOwnUrnAndRelativeHealthPath() {
    // when
    NormalizedCard card = normalizer.normalize(AgentRegistration.builder(Cards.MANIFEST).build());

    // then
    assertThat(card.shape()).isEqualTo(CardShape.OSSP_MANIFEST);
    assertThat(card.urn()).hasToString("urn:agent:data:etl-agent@1.2.0");
    assertThat(card.interfaces())
        .containsExactly(
            new AgentInterface(URI.create("http://127.0.0.1:7001/api"), "api", null),
            new AgentInterface(URI.create("http://127.0.0.1:7001/mcp"), "mcp", null));
    assertThat(card.healthEndpoint()).isEqualTo(URI.create("http://127.0.0.1:7001/health"));
    assertThat(card.capabilities()).containsExactlyInAnyOrder("extract", "load");
    assertThat(card.securitySchemes())
        .containsExactly(new SecurityScheme("auth", "api-key", null, "header", "X-API-Key"));
  }

  @Test
  void readsCardWithoutCapabilitiesAndSkillsWithoutIds() {
    // when
    NormalizedCard card =
        normalize(Cards.NO_CAPABILITIES_SKILLS_WITHOUT_IDS, "urn:agent:text:plain@0.1.0");

    // then
    assertThat(card.skills()).hasSize(2);
    assertThat(card.skills().get(0).id()).isNull();
    assertThat(card.skills().get(0).name()).isEqualTo("Summarize");
    assertThat(card.capabilities()).containsExactly("text");
    assertThat(card.features().streaming()).isFalse();
  }

  @Test
  void derivesUrnFromDomainCardNameAndVersion() {
    // given
    AgentRegistration registration = AgentRegistration.builder(Cards.V0_3).domain("Demo").build();

    // when
    NormalizedCard card = normalizer.normalize(registration);

    // then
    assertThat(card.urn()).hasToString("urn:agent:demo:echo-agent@2.1.0");
  }

  @Test
  void keepsCardJsonExactlyAsReceived() {
    // when
    NormalizedCard card = normalize(Cards.V0_2, "urn:agent:finance:currency");

    // then
    assertThat(card.cardJson()).isSameAs(Cards.V0_2).contains("\"x-vendor-extra\"");
  }

  @Test
  void slugifiesNamesIntoUrnNames() {
    assertThat(Slugs.slugify("Echo Agent")).isEqualTo("echo-agent");
    assertThat(Slugs.slugify("  Café Crème / v2 ")).isEqualTo("cafe-creme-v2");
    assertThat(Slugs.slugify("--a__b..")).isEqualTo("a__b");
    assertThat(Slugs.slugify("日本")).isEmpty();
    assertThat(Slugs.slugify("x".repeat(150))).hasSize(100);
  }
}
