package dev.ossp.runtime.urn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.ValidationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AgentUrnTest {

  static Stream<Arguments> validUrns() {
    return Stream.of(
        // input, canonical form
        Arguments.of("urn:agent:ai:ml-agent@1.0.0", "urn:agent:ai:ml-agent@1.0.0"),
        Arguments.of("urn:agent:ai:ml-agent", "urn:agent:ai:ml-agent"),
        Arguments.of("URN:AGENT:AI:ml-agent@1.0.0", "urn:agent:ai:ml-agent@1.0.0"),
        Arguments.of("Urn:Agent:Finance:Pay@2.1.3", "urn:agent:finance:Pay@2.1.3"),
        Arguments.of("urn:agent:a:b", "urn:agent:a:b"),
        Arguments.of("urn:agent:0:9", "urn:agent:0:9"),
        Arguments.of("urn:agent:ai-ops:x", "urn:agent:ai-ops:x"),
        Arguments.of("urn:agent:ai-:x", "urn:agent:ai-:x"),
        Arguments.of("urn:agent:ai:My.Agent_v2-beta", "urn:agent:ai:My.Agent_v2-beta"),
        Arguments.of("urn:agent:ai:agent@1.0.0-rc.1", "urn:agent:ai:agent@1.0.0-rc.1"),
        Arguments.of("urn:agent:ai:agent@1.0.0+build.7", "urn:agent:ai:agent@1.0.0+build.7"),
        Arguments.of(
            "urn:agent:ai:agent@1.0.0-alpha.1+sha.5114f85",
            "urn:agent:ai:agent@1.0.0-alpha.1+sha.5114f85"),
        Arguments.of("urn:agent:ai:agent@0.0.0", "urn:agent:ai:agent@0.0.0"),
        Arguments.of("urn:agent:ai:agent@10.20.30", "urn:agent:ai:agent@10.20.30"),
        Arguments.of("urn:agent:" + "d".repeat(50) + ":n", "urn:agent:" + "d".repeat(50) + ":n"),
        Arguments.of("urn:agent:ai:" + "n".repeat(100), "urn:agent:ai:" + "n".repeat(100)));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @MethodSource("validUrns")
  void parseAcceptsAndCanonicalizes(String input, String canonical) {
    // when
    AgentUrn urn = AgentUrn.parse(input);

    // then
    assertThat(urn.toString()).isEqualTo(canonical);
    assertThat(AgentUrn.isValid(input)).isTrue();
    assertThat(AgentUrn.parse(canonical)).isEqualTo(urn);
  }

  static Stream<Arguments> invalidUrns() {
    return Stream.of(
        // input, violated field, message fragment
        Arguments.of("", "urn", "URN is empty"),
        Arguments.of("agent:ai:x", "urn", "must start with 'urn:agent:'"),
        Arguments.of("urn:agents:ai:x", "urn", "namespace must be 'agent', was 'agents'"),
        Arguments.of("urn:", "urn", "namespace must be 'agent', was ''"),
        Arguments.of("urn:agent", "domain", "domain is missing"),
        Arguments.of("urn:agent:", "domain", "domain is empty"),
        Arguments.of("urn:agent::x", "domain", "domain is empty"),
        Arguments.of("urn:agent:ai", "name", "name is missing"),
        Arguments.of("urn:agent:ai:", "name", "name is empty"),
        Arguments.of("urn:agent:ai:@1.0.0", "name", "name is empty"),
        Arguments.of("urn:agent:-ai:x", "domain", "must match [a-z0-9][a-z0-9-]{0,49}"),
        Arguments.of("urn:agent:a_i:x", "domain", "must match"),
        Arguments.of("urn:agent:a.i:x", "domain", "must match"),
        Arguments.of("urn:agent:" + "d".repeat(51) + ":x", "domain", "longer than 50"),
        Arguments.of("urn:agent:ai:" + "n".repeat(101), "name", "longer than 100"),
        Arguments.of("urn:agent:ai:.hidden", "name", "must match [A-Za-z0-9][A-Za-z0-9._-]{0,99}"),
        Arguments.of("urn:agent:ai:-x", "name", "must match"),
        Arguments.of("urn:agent:ai:a/b", "name", "must match"),
        Arguments.of("urn:agent:ai:x:y", "name", "contains ':'"),
        Arguments.of("urn:agent:ai:x@", "version", "version is empty after '@'"),
        Arguments.of("urn:agent:ai:x@1.0.0@2.0.0", "version", "more than one '@'"),
        Arguments.of("urn:agent:ai:x@1.0", "version", "expected MAJOR.MINOR.PATCH"),
        Arguments.of("urn:agent:ai:x@v1.0.0", "version", "is not a number"),
        Arguments.of("urn:agent:ai:x@01.0.0", "version", "leading zero"),
        Arguments.of("urn:agent:ai:x@1.0.0-", "version", "pre-release is empty"),
        Arguments.of("urn:agent:ai:x@1.0.0-01", "version", "leading zero"),
        Arguments.of("urn:agent:ai:x@1.0.0+", "version", "build metadata is empty"),
        Arguments.of("urn:agent:ai:x@latest", "version", "not a SemVer 2.0.0 version"),
        Arguments.of(" urn:agent:ai:x", "urn", "whitespace at index 0"),
        Arguments.of("urn:agent:ai:x ", "urn", "whitespace at index 14"),
        Arguments.of("urn:agent:ai:my agent", "urn", "whitespace"),
        Arguments.of("urn:agent:ai:x\n", "urn", "whitespace"),
        Arguments.of("urn:agent:ai:agent\u00a0x", "urn", "whitespace"),
        Arguments.of("urn:agent:ïa:x", "domain", "must match"),
        Arguments.of("urn:agent:ai:агент", "name", "must match"),
        Arguments.of("urn:agent:ai:x@1.0.0-ß", "version", "may contain only [0-9A-Za-z-]"),
        // U+212A KELVIN SIGN lower-cases to ASCII 'k'; it must not sneak in through folding.
        Arguments.of("urn:agent:\u212Aube:x", "domain", "must match"),
        Arguments.of("urn:\u212Agent:ai:x", "urn", "namespace must be 'agent'"),
        Arguments.of("urn:agent:ai:x@" + "1".repeat(19) + ".0.0", "version", "too large"));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @MethodSource("invalidUrns")
  void parseRejectsNamingThePart(String input, String field, String fragment) {
    // when / then
    assertThatThrownBy(() -> AgentUrn.parse(input))
        .isInstanceOfSatisfying(
            ValidationException.class,
            error -> {
              assertThat(error.kind()).isEqualTo(ErrorKind.VALIDATION);
              assertThat(error.violations()).hasSize(1);
              assertThat(error.violations().get(0).field()).isEqualTo(field);
              assertThat(error.violations().get(0).message()).contains(fragment);
            })
        .hasMessageStartingWith("invalid URN '")
        .hasMessageContaining(fragment);
    assertThat(AgentUrn.isValid(input)).isFalse();
  }

  @Test
  void parseMessageQuotesInputAndPart() {
    assertThatThrownBy(() -> AgentUrn.parse("urn:agent::x"))
        .hasMessage("invalid URN 'urn:agent::x': domain is empty");
  }

  @Test
  void parseMessageEscapesControlCharacters() {
    assertThatThrownBy(() -> AgentUrn.parse("urn:agent:ai:x\n"))
        .hasMessageStartingWith("invalid URN 'urn:agent:ai:x\\u000a'");
  }

  @Test
  void parseTruncatesOverlongInputInMessage() {
    // given
    String input = "urn:agent:ai:" + "x".repeat(10_000);

    // when / then
    assertThatThrownBy(() -> AgentUrn.parse(input))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("URN is longer than")
        .satisfies(error -> assertThat(error.getMessage()).hasSizeLessThan(400));
  }

  @Test
  void equalityUsesCanonicalForm() {
    // given
    AgentUrn upper = AgentUrn.parse("URN:Agent:AI:ml@1.0.0");
    AgentUrn lower = AgentUrn.parse("urn:agent:ai:ml@1.0.0");

    // then
    assertThat(upper).isEqualTo(lower).hasSameHashCodeAs(lower);
    assertThat(AgentUrn.parse("urn:agent:ai:ML")).isNotEqualTo(AgentUrn.parse("urn:agent:ai:ml"));
    assertThat(AgentUrn.parse("urn:agent:ai:ml@1.0.0+a"))
        .isNotEqualTo(AgentUrn.parse("urn:agent:ai:ml@1.0.0+b"));
  }

  @Test
  void partsAreExposed() {
    // when
    AgentUrn urn = AgentUrn.parse("urn:agent:Finance:pay@2.0.0-rc.1");

    // then
    assertThat(urn.domain()).isEqualTo("finance");
    assertThat(urn.name()).isEqualTo("pay");
    assertThat(urn.version()).contains(SemVer.parse("2.0.0-rc.1"));
    assertThat(urn.isVersioned()).isTrue();
    assertThat(urn.withoutVersion().toString()).isEqualTo("urn:agent:finance:pay");
    assertThat(urn.withoutVersion().withVersion(SemVer.of(3, 0, 0)).toString())
        .isEqualTo("urn:agent:finance:pay@3.0.0");
  }

  @Test
  void ofValidatesParts() {
    assertThat(AgentUrn.of("AI", "x", SemVer.of(1, 2, 3)).toString())
        .isEqualTo("urn:agent:ai:x@1.2.3");
    assertThatThrownBy(() -> AgentUrn.of("ai", "bad name", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("whitespace");
  }

  @Test
  void compareToUsesSemVerOrder() {
    // given
    AgentUrn unversioned = AgentUrn.parse("urn:agent:ai:x");
    AgentUrn v19 = AgentUrn.parse("urn:agent:ai:x@1.9.0");
    AgentUrn v110 = AgentUrn.parse("urn:agent:ai:x@1.10.0");
    AgentUrn otherDomain = AgentUrn.parse("urn:agent:bio:a");

    // then
    assertThat(Stream.of(otherDomain, v110, unversioned, v19).sorted())
        .containsExactly(unversioned, v19, v110, otherDomain);
  }
}
