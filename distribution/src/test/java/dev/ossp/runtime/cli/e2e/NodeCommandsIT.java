package dev.ossp.runtime.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One node from the unpacked tarball, driven by the CLI commands as separate processes: register,
 * discover, agents get, diagnose and load-test, then a graceful stop.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeCommandsIT {
  private static Installation installation;
  private static Node node;

  @BeforeAll
  static void startNode() throws Exception {
    installation = Installation.unpack();
    node = Node.serve(installation);
  }

  @AfterAll
  static void stopNode() throws Exception {
    try {
      if (node != null) {
        node.close();
      }
    } finally {
      if (installation != null) {
        installation.close();
      }
    }
  }

  @Test
  @Order(1)
  void serveReportsUrlAndKeyFile() throws Exception {
    // given
    JsonNode details = node.details();

    // when
    JsonNode health = node.getJson("/health");

    // then
    assertThat(details.path("url").asText()).startsWith("http://127.0.0.1:");
    Path keyFile = Path.of(details.path("apiKeyFile").asText());
    assertThat(keyFile).startsWith(installation.home().toRealPath()).isRegularFile();
    assertThat(Files.getPosixFilePermissions(keyFile))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(details.path("apiKey").asText()).doesNotContain(Files.readString(keyFile).strip());
    assertThat(health.path("status").asText()).isEqualTo("UP");
  }

  @Test
  @Order(2)
  void registerDirectoryWithDomain() throws Exception {
    // when
    CommandResult result =
        installation.run(
            "register",
            "examples/agent-cards/language",
            "--domain",
            "language",
            "--node",
            node.url());

    // then
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout())
        .contains("urn:agent:language:summarizer@0.9.1", "urn:agent:language:translator@2.1.0")
        .contains("Registered 2 agent(s)");
  }

  @Test
  @Order(3)
  void registerOneCardWithUrn() throws Exception {
    // when
    CommandResult result =
        installation.run(
            "register",
            "examples/agent-cards/weather/forecaster.json",
            "--urn",
            "urn:agent:weather:forecaster",
            "--node",
            node.url(),
            "--json");

    // then
    assertThat(result.exitCode()).as(result.describe()).isZero();
    JsonNode records = Node.JSON.readTree(result.stdout());
    assertThat(records.path(0).path("urn").asText())
        .isEqualTo("urn:agent:weather:forecaster@1.4.2");
    assertThat(records.path(0).path("cardShape").asText()).isEqualTo("a2a-v0.3");
  }

  @Test
  @Order(4)
  void discoverFiltersByDomainCapabilityAndVersion() throws Exception {
    // when
    CommandResult byDomain =
        installation.run("discover", "--domain", "weather", "--node", node.url());
    CommandResult byCapability =
        installation.run("discover", "--capability", "nlp", "--node", node.url(), "--json");
    CommandResult byVersion =
        installation.run("discover", "--version-range", ">=1.0.0 <2.0.0", "--node", node.url());

    // then
    assertThat(byDomain.exitCode()).as(byDomain.describe()).isZero();
    assertThat(byDomain.stdout())
        .contains("urn:agent:weather:forecaster@1.4.2")
        .doesNotContain("language");
    assertThat(byDomain.stdout().lines().findFirst().orElseThrow())
        .startsWith("URN")
        .contains("NAME", "ENDPOINT");
    JsonNode nlp = Node.JSON.readTree(byCapability.stdout());
    assertThat(nlp.path("total").asInt()).isEqualTo(2);
    assertThat(byVersion.stdout())
        .contains("forecaster@1.4.2")
        .doesNotContain("translator")
        .doesNotContain("summarizer");
  }

  @Test
  @Order(5)
  void agentsGetPrintsInterfaces() throws Exception {
    // when
    CommandResult result =
        installation.run("agents", "get", "urn:agent:language:translator", "--node", node.url());

    // then
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout())
        .contains("urn:agent:language:translator@2.1.0")
        .contains("a2a-v1.0")
        .contains("http://127.0.0.1:41241/a2a/jsonrpc JSONRPC 1.0");
  }

  @Test
  @Order(6)
  void agentsGetOfUnknownAgentFails() throws Exception {
    // when
    CommandResult result =
        installation.run("agents", "get", "urn:agent:nowhere:nobody", "--node", node.url());

    // then
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("HTTP 404").contains("urn:agent:nowhere:nobody");
  }

  @Test
  @Order(7)
  void registerWithWrongApiKeyFails() throws Exception {
    // when
    CommandResult result =
        installation.run(
            "register",
            "examples/agent-cards/language/summarizer.json",
            "--domain",
            "language",
            "--node",
            node.url(),
            "--api-key",
            "not-the-key-of-this-node");

    // then
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("HTTP 401").contains("--api-key");
  }

  @Test
  @Order(8)
  void diagnosePrintsComponentsAndStrategies() throws Exception {
    // when
    CommandResult text = installation.run("diagnose", "--node", node.url());
    CommandResult json = installation.run("diagnose", "--node", node.url(), "--json");

    // then
    assertThat(text.exitCode()).as(text.describe()).isZero();
    assertThat(text.stdout()).contains("System", "Components", "Strategies", "Recommendations");
    assertThat(text.stdout()).contains("decorrelated-jitter");
    assertThat(text.stdout()).contains("Component stats", "agents.visible: 3", "pool.maxTotal");
    JsonNode report = Node.JSON.readTree(json.stdout());
    List<String> components = new ArrayList<>();
    report.path("components").forEach(component -> components.add(component.path("name").asText()));
    assertThat(components).containsExactly("a2a", "discovery", "mcp", "metrics", "resilience");
    assertThat(report.path("strategies").path("cache").asText()).isEqualTo("caffeine");
    assertThat(report.path("system").path("availableProcessors").asInt()).isPositive();
  }

  @Test
  @Order(9)
  void loadTestSendsTwoHundredRequests() throws Exception {
    // when
    CommandResult result =
        installation.run(
            "load-test",
            "--scenario",
            "discovery",
            "--requests",
            "200",
            "--concurrency",
            "4",
            "--warmup",
            "0s",
            "--node",
            node.url(),
            "--json");

    // then
    assertThat(result.exitCode()).as(result.describe()).isZero();
    JsonNode scenario = Node.JSON.readTree(result.stdout()).path("scenarios").path(0);
    assertThat(scenario.path("requests").asLong()).as(result.describe()).isEqualTo(200);
    assertThat(scenario.path("successes").asLong()).as(result.describe()).isEqualTo(200);
    assertThat(scenario.path("stopReason").asText()).isEqualTo("MAX_REQUESTS");
    assertThat(scenario.toString()).contains("\"component\":\"discovery\"");
  }

  @Test
  @Order(10)
  void stopOnSigtermExitsZero() throws Exception {
    // when
    CommandResult result = node.stop();

    // then
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stderr()).contains("runtime stopped");
  }
}
