package dev.ossp.runtime.discovery.internal.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.urn.AgentUrn;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardValidationTest {
  private final CardNormalizer normalizer = new CardNormalizer();

  private List<Violation> violations(AgentRegistration registration) {
    ValidationException error =
        catchThrowableOfType(ValidationException.class, () -> normalizer.normalize(registration));
    assertThat(error).as("expected the card to be rejected").isNotNull();
    return error.violations();
  }

  private List<Violation> violations(String card) {
    return violations(AgentRegistration.of(AgentUrn.parse("urn:agent:test:agent@1.0.0"), card));
  }

  private static String card(String url) {
    return "{\"name\":\"A\",\"version\":\"1.0.0\",\"url\":\"" + url + "\"}";
  }

  @Test
  void rejectsMissingName() {
    assertThat(violations("{\"version\":\"1.0.0\",\"url\":\"http://127.0.0.1/\"}"))
        .extracting(Violation::field)
        .containsExactly("name");
  }

  @Test
  void rejectsUrnVersionDifferentFromCardVersion() {
    assertThat(violations("{\"name\":\"A\",\"version\":\"2.0.0\",\"url\":\"http://127.0.0.1/\"}"))
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("version"))
        .satisfies(v -> assertThat(v.message()).contains("'2.0.0'", "'1.0.0'"));
  }

  @Test
  void rejectsNonSemVerCardVersionWhenUrnHasNone() {
    // given
    AgentRegistration registration =
        AgentRegistration.of(
            AgentUrn.parse("urn:agent:test:agent"),
            "{\"name\":\"A\",\"version\":\"1.0\",\"url\":\"http://127.0.0.1/\"}");

    // then
    assertThat(violations(registration))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("SemVer"));
  }

  @Test
  void rejectsRegistrationWithoutUrnOrDomain() {
    assertThat(violations(AgentRegistration.builder(card("http://127.0.0.1/")).build()))
        .extracting(Violation::field)
        .containsExactly("urn");
  }

  @Test
  void rejectsInvalidDomainForDerivedUrn() {
    assertThat(
            violations(
                AgentRegistration.builder(card("http://127.0.0.1/")).domain("bad_domain!").build()))
        .extracting(Violation::field)
        .containsExactly("domain");
  }

  @Test
  void rejectsCardWithoutInterface() {
    assertThat(violations("{\"name\":\"A\",\"version\":\"1.0.0\"}"))
        .extracting(Violation::field)
        .containsExactly("interfaces");
  }

  @Test
  void rejectsFileAndJavascriptUrls() {
    assertThat(violations(card("file:///etc/passwd")))
        .extracting(Violation::field, Violation::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "url", "URL scheme 'file' is not allowed; use http or https"));
    assertThat(violations(card("javascript:alert(1)")))
        .extracting(Violation::message)
        .contains("URL scheme 'javascript' is not allowed; use http or https");
  }

  @Test
  void rejectsCredentialsInUrlWithoutEchoingThem() {
    List<Violation> violations = violations(card("http://user:s3cret@127.0.0.1/"));

    assertThat(violations).extracting(Violation::field).contains("url");
    assertThat(violations.toString()).doesNotContain("s3cret");
  }

  @Test
  void rejectsTemplatePlaceholders() {
    assertThat(violations(card("http://<HOST>:8080/a2a")))
        .extracting(Violation::message)
        .contains(
            "URL contains the template placeholder '<HOST>'; replace it with the agent's real"
                + " address");
    assertThat(violations(card("http://${HOST}/a2a"))).extracting(Violation::field).contains("url");
    assertThat(violations(card("http://{host}/a2a"))).extracting(Violation::field).contains("url");
  }

  @Test
  void rejectsRelativeA2aUrl() {
    assertThat(violations(card("/a2a"))).extracting(Violation::field).contains("url");
  }

  @Test
  void rejectsOversizedCard() {
    String padding = "a".repeat(4000);
    StringBuilder card = new StringBuilder("{\"name\":\"A\",\"version\":\"1.0.0\",");
    card.append("\"url\":\"http://127.0.0.1/\",\"x\":[");
    for (int i = 0; i < 70; i++) {
      card.append(i == 0 ? "" : ",").append('"').append(padding).append('"');
    }
    card.append("]}");

    assertThat(violations(card.toString()))
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("card"))
        .satisfies(v -> assertThat(v.message()).contains("at most 262144"));
  }

  @Test
  void rejectsTooManySkills() {
    StringBuilder skills = new StringBuilder();
    for (int i = 0; i < 501; i++) {
      skills.append(i == 0 ? "" : ",").append("{\"id\":\"s").append(i).append("\"}");
    }
    String card =
        "{\"name\":\"A\",\"version\":\"1.0.0\",\"url\":\"http://127.0.0.1/\",\"skills\":["
            + skills
            + "]}";

    assertThat(violations(card)).extracting(Violation::field).containsExactly("skills");
  }

  @Test
  void rejectsOverlongStrings() {
    String card =
        "{\"name\":\"A\",\"version\":\"1.0.0\",\"url\":\"http://127.0.0.1/\",\"description\":\""
            + "d".repeat(4097)
            + "\"}";

    assertThat(violations(card)).extracting(Violation::field).containsExactly("description");
  }

  @Test
  void rejectsMalformedJsonAndDuplicateKeys() {
    assertThat(violations("{\"name\":")).extracting(Violation::field).containsExactly("card");
    assertThat(violations("{\"name\":\"A\",\"name\":\"B\"}"))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("Duplicate field"));
    assertThat(violations("[1,2]")).extracting(Violation::field).containsExactly("card");
  }

  @Test
  void rejectsDeepNesting() {
    String nested = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
    String card =
        "{\"name\":\"A\",\"version\":\"1.0.0\",\"url\":\"http://127.0.0.1/\",\"x\":" + nested + "}";

    assertThat(violations(card)).extracting(Violation::field).contains("card");
  }

  @Test
  void listsEveryProblemOfMalformedCard() {
    // given
    String card =
        """
        {
          "version": 7,
          "supportedInterfaces": [
            {"url": "ftp://127.0.0.1/", "protocolBinding": "JSONRPC"},
            {"url": "http://127.0.0.1/"},
            "not an object"
          ],
          "skills": [{"tags": ["x"]}, {"id": 5}],
          "capabilities": {"streaming": "yes"},
          "securitySchemes": {"k": {"in": "header"}}
        }
        """;

    // when
    List<Violation> violations = violations(card);

    // then
    assertThat(violations)
        .extracting(Violation::field)
        .contains(
            "name",
            "version",
            "supportedInterfaces[0].url",
            "supportedInterfaces[1].protocolBinding",
            "supportedInterfaces[2]",
            "skills[0]",
            "skills[1].id",
            "capabilities.streaming",
            "securitySchemes.k.type");
  }

  @Test
  void rejectsManifestRelativeEndpointsWithoutAbsoluteBase() {
    String manifest =
        "{\"name\":\"M\",\"version\":\"1.0.0\",\"endpoints\":{\"api\":\"/api\"},"
            + "\"capabilities\":{\"x\":{\"type\":\"tool\"}}}";

    assertThat(violations(manifest)).extracting(Violation::field).contains("endpoints.api");
  }

  @Test
  void rejectsManifestCapabilityThatIsNotAnObject() {
    String manifest =
        "{\"name\":\"M\",\"version\":\"1.0.0\",\"endpoints\":{\"api\":\"http://127.0.0.1/\"},"
            + "\"capabilities\":{\"x\":\"tool\"}}";

    assertThat(violations(manifest)).extracting(Violation::field).containsExactly("capabilities.x");
  }
}
