package dev.ossp.runtime.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The {@code a2a} commands and the a2a load-test scenario of the unpacked tarball, each a separate
 * process, against the A2A agent of one node started with {@code serve}. The first test registers
 * the node's own card on the node under {@value #NODE_URN}; the later ones resolve that URN through
 * the node's registry.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class A2aCommandsIT {
  private static final String NODE_URN = "urn:agent:ossp:node";

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
  void cardJsonRegistersUnderUrn() throws Exception {
    // given
    Path cardFile = installation.home().resolve("node-card.json");

    // when
    CommandResult card = installation.run("a2a", "card", node.url(), "--json");
    Files.writeString(cardFile, card.stdout());
    CommandResult register =
        installation.run("register", cardFile.toString(), "--urn", NODE_URN, "--node", node.url());

    // then
    assertThat(card.exitCode()).as(card.describe()).isZero();
    assertThat(Node.JSON.readTree(card.stdout()).path("name").asText())
        .isEqualTo("OSSP Runtime Node");
    assertThat(register.exitCode()).as(register.describe()).isZero();
    assertThat(register.stdout()).contains(NODE_URN + "@");
  }

  @Test
  @Order(2)
  void cardPrintsInterfacesAndSkills() throws Exception {
    // when
    CommandResult result = installation.run("a2a", "card", NODE_URN, "--node", node.url());

    // then
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout())
        .contains("OSSP Runtime Node")
        .contains("interface    " + node.url() + "/a2a/jsonrpc JSONRPC 1.0")
        .contains("streaming    no")
        .contains("skill        discover-agents")
        .contains("skill        describe-runtime");
  }

  @Test
  @Order(3)
  void sendByUrnRunsDescribeRuntime() throws Exception {
    // when
    CommandResult result =
        installation.run("a2a", "send", NODE_URN, "describe-runtime", "--node", node.url());

    // then
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout().lines().findFirst().orElse(""))
        .startsWith("task ")
        .endsWith(" completed");
    assertThat(result.stdout())
        .contains("artifact describe-runtime:")
        .contains("\"name\" : \"a2a\"")
        .contains("\"selected\" : \"decorrelated-jitter\"");
  }

  @Test
  @Order(4)
  void sendDataThenGetAndCancelTask() throws Exception {
    // when
    CommandResult sent =
        installation.run(
            "a2a",
            "send",
            NODE_URN,
            "discover-agents",
            "--data",
            "{\"domain\":\"ossp\"}",
            "--node",
            node.url(),
            "--json");
    JsonNode task = Node.JSON.readTree(sent.stdout());
    String taskId = task.path("id").asText();
    CommandResult got =
        installation.run("a2a", "task", "get", NODE_URN, taskId, "--node", node.url(), "--json");
    CommandResult canceled =
        installation.run("a2a", "task", "cancel", NODE_URN, taskId, "--node", node.url());

    // then
    assertThat(sent.exitCode()).as(sent.describe()).isZero();
    assertThat(task.path("state").asText()).isEqualTo("completed");
    List<String> urns = new ArrayList<>();
    for (JsonNode agent : task.at("/artifacts/0/parts/0/data/agents")) {
      urns.add(agent.path("urn").asText());
    }
    assertThat(urns).singleElement().asString().startsWith(NODE_URN + "@");
    assertThat(got.exitCode()).as(got.describe()).isZero();
    JsonNode stored = Node.JSON.readTree(got.stdout());
    assertThat(stored.path("id").asText()).isEqualTo(taskId);
    assertThat(stored.path("state").asText()).isEqualTo("completed");
    assertThat(stored.at("/history/0/parts/1/data/domain").asText()).isEqualTo("ossp");
    assertThat(canceled.exitCode()).as(canceled.describe()).isEqualTo(1);
    assertThat(canceled.stderr()).contains("-32002").contains(taskId);
  }

  @Test
  @Order(5)
  void sendStreamToNodeAgentSendsPlainMessage() throws Exception {
    // when
    CommandResult result =
        installation.run(
            "a2a", "send", NODE_URN, "describe-runtime", "--stream", "--node", node.url());

    // then
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stderr()).contains("does not stream").contains("capabilities.streaming");
    assertThat(result.stdout()).contains(" completed").contains("artifact describe-runtime:");
  }

  @Test
  @Order(6)
  void sendToUnknownUrnNamesFixes() throws Exception {
    // when
    CommandResult result =
        installation.run("a2a", "send", "urn:agent:ossp:nobody", "hello", "--node", node.url());

    // then
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("urn:agent:ossp:nobody")
        .contains("HTTP 404")
        .contains("--local");
  }

  @Test
  @Order(7)
  void loadTestSendsFiftyMessages() throws Exception {
    // when
    CommandResult result =
        installation.run(
            "load-test",
            "--scenario",
            "a2a",
            "--requests",
            "50",
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
    assertThat(scenario.path("scenario").asText()).isEqualTo("a2a-message-send");
    assertThat(scenario.path("requests").asLong()).isEqualTo(50);
    assertThat(scenario.path("successes").asLong()).isEqualTo(50);
    assertThat(scenario.path("stopReason").asText()).isEqualTo("MAX_REQUESTS");
    assertThat(scenario.path("target").path("component").asText()).isEqualTo("a2a");
  }

  @Test
  @Order(8)
  void sendStreamPrintsSdkAgentEvents() throws Exception {
    Path script = EchoAgent.installedScript();
    assumeTrue(script != null, "the a2a module's npm peers are not installed");
    try (EchoAgent agent = EchoAgent.start(script)) {
      // when
      CommandResult result = installation.run("a2a", "send", agent.url(), "hello", "--stream");

      // then
      assertThat(result.exitCode()).as(result.describe()).isZero();
      assertThat(result.stdout())
          .contains("status working")
          .contains("artifact echo: hello")
          .contains("status completed (final)");
      assertThat(result.stderr()).contains("stream ended: terminal");
    }
  }
}
