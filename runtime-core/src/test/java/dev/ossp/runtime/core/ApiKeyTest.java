package dev.ossp.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ossp.runtime.node.NodeResponse;
import dev.ossp.runtime.node.Route;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ApiKeyTest {
  private static final String KEY = "0123456789abcdef-test-key";

  @TempDir Path directory;

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private OsspRuntime runtime;

  @BeforeEach
  void captureLogs() {
    logs.start();
    rootLogger().addAppender(logs);
  }

  @AfterEach
  void closeRuntimeAndLogs() {
    if (runtime != null) {
      runtime.close();
    }
    rootLogger().detachAppender(logs);
  }

  private static Logger rootLogger() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private NodeClient start(OsspRuntime.Builder builder) {
    runtime =
        builder
            .addComponent(
                new RouteComponent(
                    "admin",
                    Route.protectedRoute(
                        "DELETE", "/v1/agents/{urn}", request -> NodeResponse.empty(204)),
                    Route.open("GET", "/v1/agents", request -> NodeResponse.json(200, "[]"))))
            .build();
    runtime.start();
    return new NodeClient(runtime.node().baseUri());
  }

  private static HttpResponse<String> delete(NodeClient client, String header, String value)
      throws Exception {
    return client.send(client.request("/v1/agents/x").header(header, value).DELETE().build());
  }

  @Test
  void missingKeyGetsUnauthorized() throws Exception {
    // given
    NodeClient client = start(TestRuntimes.isolated(directory).set("node.api-key", KEY));

    // when
    HttpResponse<String> response = client.send(client.request("/v1/agents/x").DELETE().build());

    // then
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    assertThat(NodeClient.error(response).get("kind").asText()).isEqualTo("auth");
    assertThat(NodeClient.error(response).get("message").asText())
        .isEqualTo(
            "missing or invalid API key; send Authorization: Bearer <key> or X-API-Key: <key>");
  }

  @Test
  void wrongKeyGetsUnauthorized() throws Exception {
    // given
    NodeClient client = start(TestRuntimes.isolated(directory).set("node.api-key", KEY));

    // when
    HttpResponse<String> bearer = delete(client, "Authorization", "Bearer " + KEY + "x");
    HttpResponse<String> header = delete(client, "X-API-Key", "not-the-key");
    HttpResponse<String> basic = delete(client, "Authorization", "Basic " + KEY);

    // then
    assertThat(bearer.statusCode()).isEqualTo(401);
    assertThat(header.statusCode()).isEqualTo(401);
    assertThat(basic.statusCode()).isEqualTo(401);
  }

  @Test
  void bearerTokenIsAccepted() throws Exception {
    // given
    NodeClient client = start(TestRuntimes.isolated(directory).set("node.api-key", KEY));

    // when
    HttpResponse<String> response = delete(client, "Authorization", "Bearer " + KEY);
    HttpResponse<String> lowerCase = delete(client, "Authorization", "bearer " + KEY);

    // then
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(lowerCase.statusCode()).isEqualTo(204);
  }

  @Test
  void apiKeyHeaderIsAccepted() throws Exception {
    // given
    NodeClient client = start(TestRuntimes.isolated(directory).set("node.api-key", KEY));

    // when
    HttpResponse<String> response = delete(client, "X-API-Key", KEY);

    // then
    assertThat(response.statusCode()).isEqualTo(204);
  }

  @Test
  void openRouteNeedsNoKey() throws Exception {
    // given
    NodeClient client = start(TestRuntimes.isolated(directory).set("node.api-key", KEY));

    // when
    HttpResponse<String> response = client.get("/v1/agents");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void configuredKeyWritesNoFile() throws Exception {
    // when
    start(TestRuntimes.isolated(directory).set("node.api-key", KEY));

    // then
    assertThat(runtime.apiKeyFile()).isEmpty();
    assertThat(directory.resolve("data").resolve("api-key")).doesNotExist();
    assertThat(logs.list).noneMatch(event -> event.getFormattedMessage().contains(KEY));
  }

  @Test
  void generatedKeyIsStoredOwnerOnlyAndAccepted() throws Exception {
    // given
    NodeClient client = start(TestRuntimes.isolated(directory));
    Path file = directory.resolve("data").resolve("api-key").toAbsolutePath();

    // when
    String key = Files.readString(file, StandardCharsets.UTF_8).strip();
    HttpResponse<String> response = delete(client, "Authorization", "Bearer " + key);

    // then
    assertThat(runtime.apiKeyFile()).contains(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(key).matches("[A-Za-z0-9_-]{43}");
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(Files.list(file.getParent())).containsExactly(file);
    assertThat(logs.list)
        .anyMatch(event -> event.getFormattedMessage().contains("stored it in " + file));
    assertThat(logs.list).noneMatch(event -> event.getFormattedMessage().contains(key));
  }

  @Test
  void storedKeyIsReusedOnNextStart() throws Exception {
    // given
    start(TestRuntimes.isolated(directory));
    Path file = runtime.apiKeyFile().orElseThrow();
    String first = Files.readString(file);
    runtime.close();

    // when
    NodeClient client = start(TestRuntimes.isolated(directory));
    HttpResponse<String> response = delete(client, "X-API-Key", first.strip());

    // then
    assertThat(Files.readString(file)).isEqualTo(first);
    assertThat(response.statusCode()).isEqualTo(204);
  }
}
