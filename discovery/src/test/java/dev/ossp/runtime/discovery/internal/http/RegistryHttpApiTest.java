package dev.ossp.runtime.discovery.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.discovery.internal.testing.Cards;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's HTTP API end to end: a real runtime node on Jetty, a real file store. */
class RegistryHttpApiTest {
  private static final String KEY = "test-api-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private OsspRuntime runtime;
  private URI base;

  @BeforeEach
  void start() {
    runtime = startRuntime("open");
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  private OsspRuntime startRuntime(String readAccess) {
    OsspRuntime started =
        OsspRuntime.builder()
            .set("node.port", 0)
            .set("node.api-key", KEY)
            .set("runtime.data-dir", data.toString())
            .set("runtime.shutdown-hook", false)
            .set("node.shutdown-timeout", "1s")
            .set("discovery.api.read-access", readAccess)
            .set("discovery.store.file.fsync", "batch")
            .build();
    started.start();
    base = started.node().baseUri();
    return started;
  }

  private static String path(String urn) {
    return URLEncoder.encode(urn, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> write(String method, String path, String body, String... headers)
      throws Exception {
    List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + KEY));
    all.addAll(List.of(headers));
    return send(method, path, body, all.toArray(String[]::new));
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static String envelope(String urn, String card) {
    return "{\"urn\":\"" + urn + "\",\"card\":" + card + "}";
  }

  @Test
  void registerReturns201AndGetReturnsRecordWithCardAsSent() throws Exception {
    // when
    HttpResponse<String> created =
        write("POST", "/v1/agents", envelope("urn:agent:demo:echo", Cards.V0_3));

    // then
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .contains("/v1/agents/urn:agent:demo:echo@2.1.0");
    assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
    JsonNode record = json(created);
    assertThat(record.path("urn").asText()).isEqualTo("urn:agent:demo:echo@2.1.0");
    assertThat(record.path("cardShape").asText()).isEqualTo("a2a-v0.3");

    HttpResponse<String> got = send("GET", "/v1/agents/" + path("urn:agent:demo:echo@2.1.0"), null);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(json(got).path("card").path("skills").get(0).path("id").asText()).isEqualTo("echo");

    HttpResponse<String> latest = send("GET", "/v1/agents/urn:agent:demo:echo", null);
    assertThat(json(latest).path("version").asText()).isEqualTo("2.1.0");

    HttpResponse<String> card =
        send("GET", "/.well-known/agents/" + path("urn:agent:demo:echo@2.1.0"), null);
    assertThat(card.statusCode()).isEqualTo(200);
    assertThat(card.body()).isEqualTo(Cards.V0_3.strip());
    assertThat(card.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
  }

  @Test
  void bareCardRegistersWithUrnFromQueryOrManifest() throws Exception {
    HttpResponse<String> manifest = write("POST", "/v1/agents", Cards.MANIFEST);
    HttpResponse<String> bare = write("POST", "/v1/agents?domain=travel&leaseTtl=30s", Cards.V1_0);

    assertThat(manifest.statusCode()).isEqualTo(201);
    assertThat(json(manifest).path("urn").asText()).isEqualTo("urn:agent:data:etl-agent@1.2.0");
    assertThat(bare.statusCode()).isEqualTo(201);
    assertThat(json(bare).path("urn").asText()).isEqualTo("urn:agent:travel:planner@3.0.0");
    assertThat(json(bare).path("lease").path("ttl").asText()).isEqualTo("PT30S");
  }

  @Test
  void writesWithoutValidKeyGet401AndReadsAreOpen() throws Exception {
    HttpResponse<String> none = send("POST", "/v1/agents", Cards.MANIFEST);
    HttpResponse<String> wrong =
        send("POST", "/v1/agents", Cards.MANIFEST, "Authorization", "Bearer wrong-key-0000000000");
    HttpResponse<String> apiKeyHeader =
        send("POST", "/v1/agents", Cards.MANIFEST, "X-API-Key", KEY);

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(json(none).path("error").path("kind").asText()).isEqualTo("auth");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(apiKeyHeader.statusCode()).isEqualTo(201);
    assertThat(send("GET", "/v1/agents", null).statusCode()).isEqualTo(200);
    assertThat(send("DELETE", "/v1/agents/urn:agent:data:etl-agent@1.2.0", null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void readsNeedKeyWhenConfigured() throws Exception {
    // given
    runtime.close();
    runtime = startRuntime("api-key");

    // then
    assertThat(send("GET", "/v1/agents", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/v1/agents", null, "X-API-Key", KEY).statusCode()).isEqualTo(200);
  }

  @Test
  void duplicateRegisterIs409() throws Exception {
    write("POST", "/v1/agents", Cards.MANIFEST);

    HttpResponse<String> again = write("POST", "/v1/agents", Cards.MANIFEST);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).path("error").path("kind").asText()).isEqualTo("conflict");
  }

  @Test
  void invalidCardIs400ListingEveryViolation() throws Exception {
    // when
    HttpResponse<String> response =
        write(
            "POST",
            "/v1/agents",
            envelope(
                "urn:agent:demo:bad@1.0.0",
                "{\"version\":\"2.0.0\",\"url\":\"file:///etc/passwd\"}"));

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    json(response)
        .path("error")
        .path("violations")
        .forEach(v -> fields.add(v.path("field").asText()));
    assertThat(fields).contains("name", "url", "version");
    assertThat(send("GET", "/v1/agents", null).body()).contains("\"total\":0");
  }

  @Test
  void invalidEnvelopeAndUrnAre400() throws Exception {
    assertThat(write("POST", "/v1/agents", "{\"card\":{},\"colour\":1}").statusCode())
        .isEqualTo(400);
    assertThat(send("GET", "/v1/agents/" + path("urn:agent::x"), null).statusCode()).isEqualTo(400);
    assertThat(write("DELETE", "/v1/agents/urn:agent:demo:echo", null).statusCode()).isEqualTo(400);
  }

  @Test
  void cardOver256KibIs413AndBodyOverNodeLimitIs413() throws Exception {
    // given
    String big =
        "{\"name\":\"A\",\"version\":\"1.0.0\",\"url\":\"http://127.0.0.1/\",\"x\":\""
            + "a".repeat(300 * 1024)
            + "\"}";

    // when
    HttpResponse<String> card = write("POST", "/v1/agents?domain=demo", big);
    HttpResponse<String> body =
        write("POST", "/v1/agents?domain=demo", big + " ".repeat(1024 * 1024));

    // then
    assertThat(card.statusCode()).isEqualTo(413);
    assertThat(json(card).path("error").path("message").asText()).contains("at most 262144");
    assertThat(body.statusCode()).isEqualTo(413);
  }

  @Test
  void putUpsertsAndChecksIfMatchRevision() throws Exception {
    // given
    String urn = "/v1/agents/" + path("urn:agent:demo:echo@2.1.0");

    // when / then: create without If-Match
    HttpResponse<String> created = write("PUT", urn, Cards.V0_3);
    assertThat(created.statusCode()).isEqualTo(201);

    // update with the current revision
    HttpResponse<String> updated = write("PUT", urn, Cards.V0_3, "If-Match", "\"1\"");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.headers().firstValue("ETag")).contains("\"2\"");

    // a stale revision
    HttpResponse<String> stale = write("PUT", urn, Cards.V0_3, "If-Match", "\"1\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(json(stale).path("error").path("requestId").asText()).isNotEmpty();

    // an unknown agent with If-Match
    HttpResponse<String> missing =
        write("PUT", "/v1/agents/urn:agent:demo:other@2.1.0", Cards.V0_3, "If-Match", "*");
    assertThat(missing.statusCode()).isEqualTo(404);

    // a body URN that contradicts the path
    HttpResponse<String> contradiction =
        write("PUT", urn, envelope("urn:agent:demo:else@2.1.0", Cards.V0_3));
    assertThat(contradiction.statusCode()).isEqualTo(400);
  }

  /**
   * Regression: revisions restarted at 1 after a delete, so an ETag taken before the delete matched
   * the agent registered after it and a stale If-Match overwrote the new registration.
   */
  @Test
  void etagOfDeletedAgentNeverMatchesItsSuccessor() throws Exception {
    // given
    String urn = "/v1/agents/" + path("urn:agent:demo:echo@2.1.0");
    HttpResponse<String> first = write("PUT", urn, Cards.V0_3);
    String oldEtag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(write("DELETE", urn, null).statusCode()).isEqualTo(204);

    // when
    HttpResponse<String> again = write("PUT", urn, Cards.V0_3);
    HttpResponse<String> stale = write("PUT", urn, Cards.V0_3, "If-Match", oldEtag);

    // then
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(oldEtag);
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.headers().firstValue("ETag")).isEqualTo(again.headers().firstValue("ETag"));
  }

  @Test
  void deleteReturns204Then404() throws Exception {
    write("POST", "/v1/agents", Cards.MANIFEST);
    String urn = "/v1/agents/urn:agent:data:etl-agent@1.2.0";

    assertThat(write("DELETE", urn, null).statusCode()).isEqualTo(204);
    assertThat(write("DELETE", urn, null).statusCode()).isEqualTo(404);
    assertThat(send("GET", urn, null).statusCode()).isEqualTo(404);
  }

  @Test
  void heartbeatRenewsLease() throws Exception {
    write("POST", "/v1/agents?domain=travel&leaseTtl=60s", Cards.V1_0);

    HttpResponse<String> beat =
        write("POST", "/v1/agents/urn:agent:travel:planner@3.0.0/heartbeat", null);
    HttpResponse<String> unknown =
        write("POST", "/v1/agents/urn:agent:travel:nobody@1.0.0/heartbeat", null);

    assertThat(beat.statusCode()).isEqualTo(200);
    assertThat(json(beat).path("lease").path("ttl").asText()).isEqualTo("PT1M");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void queryFiltersPagesAndRejectsInvalidParameters() throws Exception {
    // given
    write("POST", "/v1/agents", envelope("urn:agent:demo:echo", Cards.V0_3));
    write("POST", "/v1/agents", Cards.MANIFEST);
    write("POST", "/v1/agents?domain=travel", Cards.V1_0);

    // when
    HttpResponse<String> filtered =
        send("GET", "/v1/agents?capability=streaming,echo&domain=demo", null);
    HttpResponse<String> paged = send("GET", "/v1/agents?limit=1&sort=version&order=desc", null);
    String cursor = json(paged).path("nextCursor").asText();
    HttpResponse<String> next =
        send("GET", "/v1/agents?limit=1&sort=version&order=desc&cursor=" + cursor, null);
    HttpResponse<String> badLimit = send("GET", "/v1/agents?limit=0&sort=size", null);
    HttpResponse<String> unknown = send("GET", "/v1/agents?colour=red", null);

    // then
    assertThat(json(filtered).path("total").asInt()).isEqualTo(1);
    assertThat(json(filtered).path("agents").get(0).path("urn").asText())
        .isEqualTo("urn:agent:demo:echo@2.1.0");
    assertThat(json(paged).path("agents").get(0).path("version").asText()).isEqualTo("3.0.0");
    assertThat(json(paged).path("total").asInt()).isEqualTo(3);
    assertThat(json(next).path("agents").get(0).path("version").asText()).isEqualTo("2.1.0");
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(badLimit.body()).contains("\"field\":\"limit\"", "\"field\":\"sort\"");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("unknown query parameter");
  }

  @Test
  void statsCountAgentsAndCache() throws Exception {
    write("POST", "/v1/agents", Cards.MANIFEST);
    send("GET", "/v1/agents?domain=data", null);
    send("GET", "/v1/agents?domain=data", null);

    JsonNode stats = json(send("GET", "/v1/stats", null));

    assertThat(stats.path("agents").asInt()).isEqualTo(1);
    assertThat(stats.path("agentsByDomain").path("data").asInt()).isEqualTo(1);
    assertThat(stats.path("cache").path("hits").asLong()).isEqualTo(1);
    assertThat(stats.path("store").asText()).isEqualTo("file");
    assertThat(stats.path("storeStatus").asText()).isEqualTo("connected");
  }

  @Test
  void registrationsSurviveRestartAndDirectoryResolves() throws Exception {
    // given
    write("POST", "/v1/agents", Cards.MANIFEST);

    // when
    runtime.close();
    runtime = startRuntime("open");

    // then
    assertThat(send("GET", "/v1/agents/urn:agent:data:etl-agent", null).statusCode())
        .isEqualTo(200);
    AgentRegistry registry = runtime.instance(AgentRegistry.class);
    assertThat(registry.interfaces(dev.ossp.runtime.urn.AgentUrn.parse("urn:agent:data:etl-agent")))
        .extracting(i -> i.binding())
        .containsExactly("api", "mcp");
  }
}
