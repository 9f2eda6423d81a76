package dev.ossp.runtime.a2a.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.a2a.A2aClient;
import dev.ossp.runtime.a2a.A2aErrorCode;
import dev.ossp.runtime.a2a.A2aJsonRpcException;
import dev.ossp.runtime.a2a.A2aProtocol;
import dev.ossp.runtime.a2a.A2aTarget;
import dev.ossp.runtime.a2a.AgentCard;
import dev.ossp.runtime.a2a.AgentHttpClient;
import dev.ossp.runtime.a2a.AgentOutcome;
import dev.ossp.runtime.a2a.AgentRequest;
import dev.ossp.runtime.a2a.CallOptions;
import dev.ossp.runtime.a2a.DataPart;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.NodePeer;
import dev.ossp.runtime.a2a.SendOptions;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.TaskState;
import dev.ossp.runtime.a2a.TestServer;
import dev.ossp.runtime.a2a.internal.protocol.Json;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentHealth;
import dev.ossp.runtime.discovery.AgentHealthProbe;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.urn.AgentUrn;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real runtime with the a2a, discovery and resilience components on an ephemeral port: the node's
 * own agent, calls by URN through discovery, batches, health probes, and the official
 *
 * @a2a-js/sdk client against the node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(90)
class NodeAgentEndToEndTest {
  private OsspRuntime runtime;
  private NodePeer echo;
  private TestServer plain;
  private A2aClient a2a;
  private AgentHttpClient http;
  private AgentRegistry registry;
  private int closedPort;

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    echo = NodePeer.echoV13();
    plain =
        TestServer.start(
            exchange -> {
              if (exchange.path().endsWith("/missing")) {
                exchange.respond(404, "{\"error\":\"missing\"}");
              } else {
                exchange.respond(200, "{\"path\":\"" + exchange.path() + "\"}");
              }
            });
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    runtime =
        OsspRuntime.builder()
            .environment(Map.of())
            .systemProperties(new Properties())
            .set("node.port", 0)
            .set("node.api-key", "test-key-0123456789abcdef")
            .set("runtime.data-dir", directory.resolve("data").toString())
            .set("runtime.shutdown-hook", false)
            .set("node.shutdown-timeout", "500ms")
            .set("a2a.pool.max-per-route", 4)
            .build();
    runtime.start();
    a2a = runtime.instance(A2aClient.class);
    http = runtime.instance(AgentHttpClient.class);
    registry = runtime.instance(AgentRegistry.class);
  }

  @AfterAll
  void stop() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
    if (echo != null) {
      echo.close();
    }
    if (plain != null) {
      plain.close();
    }
  }

  private URI node() {
    return runtime.node().baseUri();
  }

  private AgentUrn registerEcho(String name) {
    String card =
        "{\"name\":\""
            + name
            + "\",\"version\":\"1.0.0\",\"description\":\"echo\",\"supportedInterfaces\":["
            + "{\"url\":\"http://127.0.0.1:"
            + closedPort
            + "/a2a/jsonrpc\",\"protocolBinding\":\"JSONRPC\",\"protocolVersion\":\"1.0\"},"
            + "{\"url\":\""
            + echo.baseUrl()
            + "/a2a/jsonrpc\",\"protocolBinding\":\"JSONRPC\",\"protocolVersion\":\"1.0\"}],"
            + "\"capabilities\":{\"streaming\":true},"
            + "\"skills\":[{\"id\":\"echo\",\"name\":\"Echo\",\"tags\":[\"echo\"]}]}";
    AgentUrn urn = AgentUrn.parse("urn:agent:test:" + name + "@1.0.0");
    registry.register(AgentRegistration.of(urn, card));
    return urn;
  }

  @Test
  void nodeServesItsCardInBothShapes() {
    // when
    AgentCard card = a2a.card(A2aTarget.baseUrl(node()));
    String v10 =
        http.request(
                URI.create(node() + "/.well-known/agent-card.json"),
                CallOptions.builder().header("A2A-Version", "1.0").cacheable(false).build())
            .bodyAsString();

    // then
    assertThat(card.name()).isEqualTo("OSSP Runtime Node");
    assertThat(card.skill("discover-agents")).isPresent();
    assertThat(card.skill("describe-runtime")).isPresent();
    assertThat(a2a.protocol(A2aTarget.baseUrl(node()))).isEqualTo(A2aProtocol.V1_0);
    assertThat(v10)
        .contains("supportedInterfaces")
        .doesNotContain(
            "\"url\":\"http://127.0.0.1:"
                + node().getPort()
                + "/a2a/jsonrpc\",\"preferredTransport\"");
  }

  @Test
  void describeRuntimeInBothDialects() {
    for (A2aTarget target :
        List.of(
            A2aTarget.baseUrl(node()),
            A2aTarget.endpoint(URI.create(node() + "/a2a/jsonrpc"), A2aProtocol.V0_3))) {
      // when
      Task task =
          (Task)
              a2a.sendMessage(target, Message.userText("describe-runtime"), SendOptions.defaults());

      // then
      assertThat(task.state()).isEqualTo(TaskState.COMPLETED);
      DataPart data = (DataPart) task.artifacts().get(0).parts().get(0);
      assertThat(data.data()).containsKeys("status", "components", "strategies");
      assertThat(data.data().get("components").toString()).contains("a2a", "discovery");
      assertThat(data.data().get("strategies").toString()).contains("pooling", "auth");
      assertThat(a2a.getTask(target, task.id(), null).id()).isEqualTo(task.id());
    }
  }

  @Test
  void discoverAgentsReturnsMatchingCards() {
    // given
    registerEcho("finder");

    // when
    Task task =
        (Task)
            a2a.sendMessage(
                A2aTarget.baseUrl(node()),
                Message.user(
                    List.of(
                        DataPart.of(
                            Map.of("skill", "discover-agents", "capabilities", List.of("echo"))))),
                SendOptions.defaults());

    // then
    DataPart data = (DataPart) task.artifacts().get(0).parts().get(0);
    assertThat(data.data().get("agents").toString()).contains("urn:agent:test:finder@1.0.0");
    assertThat(((Number) data.data().get("total")).intValue()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void nodeAgentErrorsAreProperA2aErrors() {
    // given
    A2aTarget target = A2aTarget.baseUrl(node());
    Task done =
        (Task)
            a2a.sendMessage(target, Message.userText("describe-runtime"), SendOptions.defaults());

    // when
    A2aJsonRpcException unknownSkill =
        catchThrowableOfType(
            A2aJsonRpcException.class,
            () ->
                a2a.sendMessage(
                    target, Message.userText("paint a picture"), SendOptions.defaults()));
    A2aJsonRpcException badQuery =
        catchThrowableOfType(
            A2aJsonRpcException.class,
            () ->
                a2a.sendMessage(
                    target,
                    Message.user(
                        List.of(DataPart.of(Map.of("skill", "discover-agents", "color", "red")))),
                    SendOptions.defaults()));
    A2aJsonRpcException missing =
        catchThrowableOfType(A2aJsonRpcException.class, () -> a2a.getTask(target, "nope", null));
    A2aJsonRpcException notCancelable =
        catchThrowableOfType(A2aJsonRpcException.class, () -> a2a.cancelTask(target, done.id()));
    A2aJsonRpcException streaming =
        catchThrowableOfType(
            A2aJsonRpcException.class,
            () ->
                a2a.streamMessage(
                        target, Message.userText("describe-runtime"), SendOptions.defaults())
                    .hasNext());
    String malformed =
        http.request(URI.create(node() + "/a2a/jsonrpc"), CallOptions.postJson("{oops"))
            .bodyAsString();
    String badVersion =
        http.request(
                URI.create(node() + "/a2a/jsonrpc"),
                CallOptions.postJson(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GetTask\",\"params\":{\"id\":\"x\"}}")
                    .toBuilder()
                    .header("A2A-Version", "9.9")
                    .build())
            .bodyAsString();

    // then
    assertThat(unknownSkill.errorCode()).isEqualTo(A2aErrorCode.INVALID_PARAMS);
    assertThat(unknownSkill.agentMessage()).contains("unknown skill 'paint'");
    assertThat(badQuery.errorCode()).isEqualTo(A2aErrorCode.INVALID_PARAMS);
    assertThat(badQuery.agentMessage()).contains("color");
    assertThat(missing.errorCode()).isEqualTo(A2aErrorCode.TASK_NOT_FOUND);
    assertThat(notCancelable.errorCode()).isEqualTo(A2aErrorCode.TASK_NOT_CANCELABLE);
    assertThat(streaming.errorCode()).isEqualTo(A2aErrorCode.UNSUPPORTED_OPERATION);
    assertThat(malformed).contains("-32700").contains("\"id\":null");
    assertThat(badVersion).contains("-32009");
  }

  @Test
  void urnCallFallsBackToNextInterface() {
    // given: the first interface is a closed port
    AgentUrn urn = registerEcho("fallback");

    // when
    Task task =
        (Task)
            a2a.sendMessage(
                A2aTarget.urn(urn), Message.userText("via urn"), SendOptions.defaults());
    Task unversioned =
        (Task)
            a2a.sendMessage(
                A2aTarget.urn(AgentUrn.parse("urn:agent:test:fallback")),
                Message.userText("latest"),
                SendOptions.defaults());

    // then
    assertThat(task.artifacts().get(0).text()).isEqualTo("echo: via urn");
    assertThat(unversioned.artifacts().get(0).text()).isEqualTo("echo: latest");
  }

  @Test
  void requestAllSettlesEveryRequestInOrder() {
    // given: a plain HTTP agent
    String card =
        "{\"name\":\"plain\",\"version\":\"1.0.0\",\"supportedInterfaces\":[{\"url\":\""
            + plain.uri("/api")
            + "\",\"protocolBinding\":\"HTTP+JSON\",\"protocolVersion\":\"1.0\"}]}";
    AgentUrn urn = AgentUrn.parse("urn:agent:test:plain@1.0.0");
    registry.register(AgentRegistration.of(urn, card));
    List<AgentRequest> requests = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      requests.add(AgentRequest.get(urn, i % 4 == 3 ? "/missing" : "/item/" + i));
    }
    requests.add(AgentRequest.get(AgentUrn.parse("urn:agent:test:unknown@1.0.0"), "/x"));

    // when
    List<AgentOutcome> outcomes = http.requestAll(requests, 3);

    // then
    assertThat(outcomes).hasSize(13);
    for (int i = 0; i < 12; i++) {
      AgentOutcome outcome = outcomes.get(i);
      assertThat(outcome.request()).isSameAs(requests.get(i));
      if (i % 4 == 3) {
        assertThat(outcome.error().kind()).isEqualTo(ErrorKind.NOT_FOUND);
      } else {
        assertThat(outcome.response().bodyAsString()).contains("/api/item/" + i);
      }
    }
    assertThat(outcomes.get(12).error().kind()).isEqualTo(ErrorKind.NOT_FOUND);
  }

  @Test
  void healthProbeReportsReachableAndUnreachableAgents() throws Exception {
    // given
    AgentRecord healthy = registry.get(registerEcho("probed")).orElseThrow();
    String card =
        "{\"name\":\"gone\",\"version\":\"1.0.0\",\"url\":\"http://127.0.0.1:"
            + closedPort
            + "/rpc\",\"protocolVersion\":\"0.3.0\"}";
    AgentUrn unreachableUrn = AgentUrn.parse("urn:agent:test:gone@1.0.0");
    AgentRecord unreachable = registry.register(AgentRegistration.of(unreachableUrn, card));
    AgentHealthProbe probe = runtime.instance(AgentHealthProbe.class);

    // when
    AgentHealth up =
        probe.probe(healthy, Duration.ofSeconds(2)).toCompletableFuture().get(5, TimeUnit.SECONDS);
    AgentHealth down =
        probe
            .probe(unreachable, Duration.ofSeconds(2))
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);

    // then
    assertThat(up.status()).isEqualTo(AgentHealth.Status.HEALTHY);
    assertThat(down.status()).isEqualTo(AgentHealth.Status.UNHEALTHY);
    assertThat(down.detail()).contains("network");
  }

  @Test
  void officialSdkClientTalksToNodeAgent() throws Exception {
    // given
    ProcessBuilder builder =
        new ProcessBuilder(NodePeer.node(), "sdk-client.mjs", node().toString())
            .directory(NodePeer.nodeDirectory().toFile())
            .redirectErrorStream(true);

    // when
    Process process = builder.start();
    List<JsonNode> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("{")) {
          lines.add(Json.parse(line));
        }
      }
    }
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    // then
    assertThat(lines)
        .extracting(line -> line.path("step").asText())
        .doesNotContain("failed", "timeout");
    JsonNode card = lines.get(0);
    assertThat(card.path("name").asText()).isEqualTo("OSSP Runtime Node");
    assertThat(card.path("skills").toString()).contains("discover-agents", "describe-runtime");
    JsonNode describe = lines.get(1);
    assertThat(describe.path("case").asText()).isEqualTo("data");
    assertThat(describe.path("components").toString()).contains("a2a");
    assertThat(lines.get(2).path("same").asBoolean()).isTrue();
    assertThat(lines.get(3).path("error").path("message").asText()).contains("unknown skill");
    assertThat(lines.get(4).path("error").path("message").asText()).contains("Task not found");
    assertThat(lines.get(5).path("step").asText()).isEqualTo("done");
  }
}
