package dev.ossp.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.component.HealthStatus;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.node.NodeInfo;
import dev.ossp.runtime.node.NodeResponse;
import dev.ossp.runtime.node.Route;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeServerTest {
  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @TempDir Path directory;

  private OsspRuntime runtime;
  private NodeClient client;

  @AfterEach
  void closeRuntime() {
    if (runtime != null) {
      runtime.close();
    }
  }

  private void start(OsspRuntime.Builder builder, Route... routes) {
    runtime = builder.addComponent(new RouteComponent("web", routes)).build();
    runtime.start();
    client = new NodeClient(runtime.node().baseUri());
  }

  private void start(Route... routes) {
    start(TestRuntimes.isolated(directory), routes);
  }

  private static Route echoParameter() {
    return Route.open(
        "GET",
        "/v1/agents/{urn}",
        request -> NodeResponse.text(200, "text/plain", "agent " + request.pathParameter("urn")));
  }

  @Test
  void pathParameterIsDecodedOnce() throws Exception {
    // given
    start(echoParameter());

    // when
    HttpResponse<String> response = client.get("/v1/agents/urn%3Aagent%3Aai%3Aplanner%2540x%20y");

    // then
    assertThat(response.body()).isEqualTo("agent urn:agent:ai:planner%40x y");
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void literalSegmentBeatsParameter() throws Exception {
    // given
    start(
        echoParameter(),
        Route.open(
            "GET", "/v1/agents/search", request -> NodeResponse.text(200, "text/plain", "search")));

    // when
    HttpResponse<String> literal = client.get("/v1/agents/search");
    HttpResponse<String> parameter = client.get("/v1/agents/other");

    // then
    assertThat(literal.body()).isEqualTo("search");
    assertThat(parameter.body()).isEqualTo("agent other");
  }

  @Test
  void requestCarriesQueryHeadersAndBody() throws Exception {
    // given
    start(
        Route.open(
            "POST",
            "/echo",
            request ->
                NodeResponse.text(
                    200,
                    "text/plain",
                    request.method()
                        + " "
                        + request.path()
                        + " q="
                        + request.queryParameters()
                        + " h="
                        + request.header("x-custom").orElse("-")
                        + " body="
                        + request.bodyAsString())));

    // when
    HttpResponse<String> response =
        client.send(
            client
                .request("/echo?tag=a&tag=b&name=x%20y")
                .header("X-Custom", "yes")
                .POST(HttpRequest.BodyPublishers.ofString("payload"))
                .build());

    // then
    assertThat(response.body())
        .isEqualTo("POST /echo q={tag=[a, b], name=[x y]} h=yes body=payload");
  }

  @Test
  void unknownPathGetsNotFoundInErrorShape() throws Exception {
    // given
    start(echoParameter());

    // when
    HttpResponse<String> response = client.get("/nowhere");

    // then
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode error = NodeClient.error(response);
    assertThat(error.get("status").asInt()).isEqualTo(404);
    assertThat(error.get("kind").asText()).isEqualTo("not-found");
    assertThat(error.get("message").asText()).isEqualTo("no route for /nowhere");
    String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(requestId).matches(UUID_PATTERN);
    assertThat(error.get("requestId").asText()).isEqualTo(requestId);
  }

  @Test
  void incomingRequestIdIsReusedWhenSafe() throws Exception {
    // given
    start(echoParameter());

    // when
    HttpResponse<String> reused =
        client.send(client.request("/nowhere").header("X-Request-Id", "abc.123_X-y").build());
    HttpResponse<String> replaced =
        client.send(client.request("/nowhere").header("X-Request-Id", "bad id;drop").build());

    // then
    assertThat(reused.headers().firstValue("X-Request-Id")).contains("abc.123_X-y");
    assertThat(NodeClient.error(reused).get("requestId").asText()).isEqualTo("abc.123_X-y");
    assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow()).matches(UUID_PATTERN);
  }

  @Test
  void otherMethodGetsMethodNotAllowedWithAllow() throws Exception {
    // given
    start(echoParameter());

    // when
    HttpResponse<String> response = client.send(client.request("/v1/agents/x").DELETE().build());

    // then
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    assertThat(NodeClient.error(response).get("kind").asText()).isEqualTo("method-not-allowed");
  }

  @Test
  void headOnGetRouteSendsHeadersWithoutBody() throws Exception {
    // given
    start(echoParameter());

    // when
    HttpResponse<String> response =
        client.send(
            client
                .request("/v1/agents/abc")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Length")).contains("9");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void bodyOverLimitByContentLengthGets413() throws Exception {
    // given
    AtomicBoolean handlerRan = new AtomicBoolean();
    start(
        TestRuntimes.isolated(directory).set("node.max-body-size", "1KiB"),
        Route.open(
            "POST",
            "/upload",
            request -> {
              handlerRan.set(true);
              return NodeResponse.empty(204);
            }));

    // when
    HttpResponse<String> response =
        client.send(
            client
                .request("/upload")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1025]))
                .build());

    // then
    assertThat(response.statusCode()).isEqualTo(413);
    JsonNode error = NodeClient.error(response);
    assertThat(error.get("kind").asText()).isEqualTo("payload-too-large");
    assertThat(error.get("message").asText())
        .isEqualTo("request body exceeds the limit of 1024 bytes (node.max-body-size)");
    assertThat(handlerRan).isFalse();
  }

  @Test
  void chunkedBodyOverLimitGets413() throws Exception {
    // given
    AtomicBoolean handlerRan = new AtomicBoolean();
    start(
        TestRuntimes.isolated(directory).set("node.max-body-size", "1KiB"),
        Route.open(
            "POST",
            "/upload",
            request -> {
              handlerRan.set(true);
              return NodeResponse.empty(204);
            }));
    byte[] body = new byte[3000];

    // when
    HttpResponse<String> response =
        client.send(
            client
                .request("/upload")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());

    // then
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(NodeClient.error(response).get("kind").asText()).isEqualTo("payload-too-large");
    assertThat(handlerRan).isFalse();
  }

  @Test
  void chunkedBodyWithinLimitIsRead() throws Exception {
    // given
    start(
        TestRuntimes.isolated(directory).set("node.max-body-size", "1KiB"),
        Route.open(
            "POST",
            "/upload",
            request -> NodeResponse.text(200, "text/plain", "got " + request.body().length)));

    // when
    HttpResponse<String> response =
        client.send(
            client
                .request("/upload")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[1024])))
                .build());

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("got 1024");
  }

  @Test
  void osspExceptionMapsToItsKind() throws Exception {
    // given
    start(
        Route.open(
            "GET",
            "/missing",
            request -> {
              throw new OsspException(ErrorKind.NOT_FOUND, "agent 'urn:agent:ai:x' not found");
            }),
        Route.open(
            "GET",
            "/busy",
            request -> {
              throw new OsspException(
                  ErrorKind.RATE_LIMITED,
                  "slow down",
                  null,
                  ErrorContext.builder().retryAfter(Duration.ofSeconds(3)).build());
            }));

    // when
    HttpResponse<String> missing = client.get("/missing");
    HttpResponse<String> busy = client.get("/busy");

    // then
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(NodeClient.error(missing).get("message").asText())
        .isEqualTo("agent 'urn:agent:ai:x' not found");
    assertThat(busy.statusCode()).isEqualTo(429);
    assertThat(NodeClient.error(busy).get("kind").asText()).isEqualTo("rate-limited");
    assertThat(busy.headers().firstValue("Retry-After")).contains("3");
  }

  @Test
  void validationExceptionListsViolations() throws Exception {
    // given
    start(
        Route.open(
            "POST",
            "/agents",
            request -> {
              throw new ValidationException(
                  "invalid agent card",
                  List.of(
                      new Violation("name", "must not be empty"),
                      new Violation("skills[0].id", "is missing")));
            }));

    // when
    HttpResponse<String> response =
        client.send(
            client.request("/agents").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = NodeClient.error(response);
    assertThat(error.get("kind").asText()).isEqualTo("validation");
    assertThat(error.get("violations").size()).isEqualTo(2);
    assertThat(error.get("violations").get(1).get("field").asText()).isEqualTo("skills[0].id");
    assertThat(error.get("violations").get(1).get("message").asText()).isEqualTo("is missing");
  }

  @Test
  void unexpectedExceptionGetsGenericInternalError() throws Exception {
    // given
    start(
        Route.open(
            "GET",
            "/boom",
            request -> {
              throw new IllegalStateException("secret detail");
            }));

    // when
    HttpResponse<String> response = client.get("/boom");

    // then
    assertThat(response.statusCode()).isEqualTo(500);
    JsonNode error = NodeClient.error(response);
    assertThat(error.get("kind").asText()).isEqualTo("internal");
    assertThat(error.get("message").asText())
        .isEqualTo(
            "internal error; the node log has the details under request id "
                + error.get("requestId").asText());
    assertThat(response.body()).doesNotContain("secret detail");
  }

  @Test
  void streamedBodyIsFlushedAsWritten() throws Exception {
    // given
    CountDownLatch firstLineRead = new CountDownLatch(1);
    AtomicBoolean clientReadBeforeRest = new AtomicBoolean();
    start(
        Route.open(
            "GET",
            "/events",
            request ->
                NodeResponse.stream(
                    200,
                    "text/event-stream",
                    out -> {
                      out.write("data: first\n".getBytes(StandardCharsets.UTF_8));
                      out.flush();
                      try {
                        clientReadBeforeRest.set(firstLineRead.await(5, TimeUnit.SECONDS));
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      out.write("data: second\n".getBytes(StandardCharsets.UTF_8));
                    })));

    // when
    HttpResponse<InputStream> response =
        client
            .client()
            .send(client.request("/events").build(), HttpResponse.BodyHandlers.ofInputStream());
    String first;
    String second;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      first = reader.readLine();
      firstLineRead.countDown();
      second = reader.readLine();
    }

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
    assertThat(first).isEqualTo("data: first");
    assertThat(second).isEqualTo("data: second");
    assertThat(clientReadBeforeRest).isTrue();
  }

  @Test
  void healthReportsComponentsAsJson() throws Exception {
    // given
    start(echoParameter());

    // when
    HttpResponse<String> response = client.get("/health");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = NodeClient.json(response);
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("components").get("web").get("status").asText()).isEqualTo("UP");
    assertThat(health.get("components").get("web").get("details").isObject()).isTrue();
    assertThat(health.get("strategies").get("cache").asText()).isEqualTo("caffeine");
  }

  @Test
  void healthIsServiceUnavailableWhenDown() throws Exception {
    // given
    runtime =
        TestRuntimes.isolated(directory)
            .addComponent(
                new RecordingComponent("store", RecordingComponent.events())
                    .health(() -> ComponentHealth.down("disk full").withDetail("free", 0)))
            .build();
    runtime.start();
    client = new NodeClient(runtime.node().baseUri());

    // when
    HttpResponse<String> response = client.get("/health");

    // then
    assertThat(response.statusCode()).isEqualTo(503);
    JsonNode health = NodeClient.json(response);
    assertThat(health.get("status").asText()).isEqualTo("DOWN");
    assertThat(health.get("components").get("store").get("message").asText())
        .isEqualTo("disk full");
    assertThat(health.get("components").get("store").get("details").get("free").asInt()).isZero();
  }

  @Test
  void routesAnswerServiceUnavailableWhileStarting() throws Exception {
    // given
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<NodeInfo> node = new AtomicReference<>();
    CountDownLatch starting = new CountDownLatch(1);
    runtime =
        TestRuntimes.isolated(directory)
            .addComponent(new RouteComponent("web", echoParameter()))
            .addComponent(
                new RecordingComponent("slow", RecordingComponent.events())
                    .onStart(
                        context -> {
                          node.set(context.instance(NodeInfo.class));
                          starting.countDown();
                          release.await(10, TimeUnit.SECONDS);
                        }))
            .build();
    CompletableFuture<Void> started = CompletableFuture.runAsync(runtime::start);
    assertThat(starting.await(10, TimeUnit.SECONDS)).isTrue();
    client = new NodeClient(node.get().baseUri());

    // when
    HttpResponse<String> route = client.get("/v1/agents/x");
    HttpResponse<String> health = client.get("/health");
    release.countDown();
    started.get(10, TimeUnit.SECONDS);
    HttpResponse<String> afterStart = client.get("/v1/agents/x");

    // then
    assertThat(route.statusCode()).isEqualTo(503);
    assertThat(NodeClient.error(route).get("kind").asText()).isEqualTo("unavailable");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(NodeClient.json(health).get("message").asText()).isEqualTo("starting");
    assertThat(afterStart.statusCode()).isEqualTo(200);
    assertThat(runtime.health().status()).isEqualTo(HealthStatus.UP);
  }

  @Test
  void duplicateRoutesStopStartup() {
    // given
    runtime =
        TestRuntimes.isolated(directory)
            .addComponent(new RouteComponent("one", echoParameter()))
            .addComponent(
                new RouteComponent(
                    "two",
                    Route.open("GET", "/v1/agents/{name}", request -> NodeResponse.empty(204))))
            .build();

    // when
    OsspException e = catchThrowableOfType(OsspException.class, runtime::start);

    // then
    assertThat(e.getMessage())
        .startsWith("duplicate routes: GET /v1/agents/{name} (from ")
        .contains("clashes with GET /v1/agents/{urn} (from ")
        .endsWith("; stopped the components already started: two, one");
  }

  @Test
  void portInUseFailsWithConfigError() {
    // given
    start(echoParameter());
    int taken = runtime.node().port();
    OsspRuntime second =
        TestRuntimes.isolated(directory.resolve("second"))
            .set("node.port", String.valueOf(taken))
            .build();

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, second::start);

    // then
    assertThat(e.violations()).hasSize(1);
    assertThat(e.violations().get(0).field()).isEqualTo("node.port");
    assertThat(e.violations().get(0).message())
        .startsWith("the node cannot listen on 127.0.0.1:" + taken + ": ")
        .endsWith("; choose another node.host or node.port (0 picks a free port)");
    assertThat(second.health().message()).isEqualTo("failed to start");
    second.close();
  }

  @Test
  void portZeroReportsBoundPort() {
    // given
    start(echoParameter());

    // when
    NodeInfo node = runtime.node();

    // then
    assertThat(node.port()).isPositive();
    assertThat(node.host()).isEqualTo("127.0.0.1");
    assertThat(node.baseUri().toString()).isEqualTo("http://127.0.0.1:" + node.port());
  }
}
