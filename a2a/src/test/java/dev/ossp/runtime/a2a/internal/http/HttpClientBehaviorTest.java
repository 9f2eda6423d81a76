package dev.ossp.runtime.a2a.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.a2a.AgentHttpException;
import dev.ossp.runtime.a2a.AgentResponse;
import dev.ossp.runtime.a2a.CallOptions;
import dev.ossp.runtime.a2a.HttpMethod;
import dev.ossp.runtime.a2a.TestClients;
import dev.ossp.runtime.a2a.TestServer;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HttpClientBehaviorTest {
  private static final String TEXT = "{\"message\":\"" + "decoded ".repeat(200) + "\"}";

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static byte[] deflate(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater())) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void gzipAndDeflateBodiesDecodedOnce() throws Exception {
    // given
    byte[] gzipped = gzip(TEXT);
    byte[] deflated = deflate(TEXT);
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  switch (exchange.path()) {
                    case "/gzip" ->
                        exchange
                            .header("Content-Encoding", "gzip")
                            .respond(200, "application/json", gzipped);
                    case "/deflate" ->
                        exchange
                            .header("Content-Encoding", "deflate")
                            .respond(200, "application/json", deflated);
                    case "/no-content" ->
                        exchange.header("Content-Encoding", "gzip").respond(204, null, new byte[0]);
                    default ->
                        exchange
                            .header("Content-Encoding", "gzip")
                            .respond(
                                200,
                                "application/json",
                                exchange.method().equals("HEAD") ? new byte[0] : gzipped);
                  }
                });
        TestClients clients = TestClients.of(ClientSettings.defaults())) {

      // when
      AgentResponse gzip =
          clients.client.request(
              server.uri("/gzip"), CallOptions.builder().cacheable(false).build());
      AgentResponse deflate = clients.client.request(server.uri("/deflate"), CallOptions.get());
      AgentResponse head =
          clients.client.request(
              server.uri("/head"), CallOptions.builder().method(HttpMethod.HEAD).build());
      AgentResponse noContent =
          clients.client.request(server.uri("/no-content"), CallOptions.get());

      // then
      assertThat(gzip.bodyAsString()).isEqualTo(TEXT);
      assertThat(gzip.header("Content-Encoding")).isEmpty();
      assertThat(gzip.header("Content-Length")).isEmpty();
      assertThat(deflate.bodyAsString()).isEqualTo(TEXT);
      assertThat(deflate.header("Content-Encoding")).isEmpty();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.bodyLength()).isZero();
      assertThat(noContent.status()).isEqualTo(204);
      assertThat(noContent.bodyLength()).isZero();
      assertThat(clients.client.transport().leased()).isZero();
    }
  }

  @Test
  void compressedRequestBodyArrivesIntact() throws Exception {
    // given
    Map<String, String> seen = new ConcurrentHashMap<>();
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  seen.put("encoding", String.valueOf(exchange.header("Content-Encoding")));
                  byte[] raw = exchange.bodyBytes();
                  try (var in =
                      new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                    seen.put("body", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                  }
                  exchange.respond(200, "{}");
                });
        TestClients clients = TestClients.of(ClientSettings.defaults())) {

      // when
      clients.client.request(
          server.uri("/v1/upload"),
          CallOptions.postJson(TEXT).toBuilder().compressRequest(true).build());

      // then
      assertThat(seen).containsEntry("encoding", "gzip").containsEntry("body", TEXT);
    }
  }

  @Test
  void statusesMapToKinds() throws Exception {
    // given
    Map<Integer, ErrorKind> expected =
        Map.of(
            400, ErrorKind.VALIDATION,
            401, ErrorKind.AUTH,
            403, ErrorKind.AUTH,
            404, ErrorKind.NOT_FOUND,
            409, ErrorKind.CONFLICT,
            422, ErrorKind.VALIDATION,
            429, ErrorKind.RATE_LIMITED,
            500, ErrorKind.SERVER,
            302, ErrorKind.PROTOCOL);
    try (TestServer server =
            TestServer.start(
                exchange ->
                    exchange.respond(
                        Integer.parseInt(exchange.path().substring(1)), "{\"error\":\"x\"}"));
        TestClients clients = TestClients.of(ClientSettings.defaults(), 1)) {
      for (Map.Entry<Integer, ErrorKind> entry : expected.entrySet()) {

        // when
        AgentHttpException error =
            catchThrowableOfType(
                AgentHttpException.class,
                () ->
                    clients.client.request(
                        server.uri("/" + entry.getKey()), CallOptions.postJson("{}")));

        // then
        assertThat(error.kind()).as("status %s", entry.getKey()).isEqualTo(entry.getValue());
        assertThat(error.status()).isEqualTo(entry.getKey());
        assertThat(error.context().httpStatus()).hasValue(entry.getKey());
        assertThat(error.body()).isEqualTo("{\"error\":\"x\"}");
      }
    }
  }

  @Test
  void callerHeadersMergeWithoutDroppingAuth() throws Exception {
    // given
    Map<String, String> seen = new ConcurrentHashMap<>();
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  for (String name :
                      List.of(
                          "Authorization",
                          "Content-Type",
                          "User-Agent",
                          "X-Request-Id",
                          "traceparent",
                          "X-Custom",
                          "x-agent-delegation")) {
                    String value = exchange.header(name);
                    if (value != null) {
                      seen.put(name, value);
                    }
                  }
                  exchange.body();
                  exchange.respond(200, "{}");
                });
        TestClients clients =
            TestClients.of(
                ClientSettings.builder()
                    .defaultAuth("bearer", Map.of("token", "s3cr3t"))
                    .build())) {

      // when
      clients.client.request(
          server.uri("/v1/jobs"),
          CallOptions.postJson("{}").toBuilder()
              .header("X-Custom", "kept")
              .header("Accept", "application/json")
              .requestId("req-42")
              .traceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
              .delegationChain(List.of("urn:agent:a:first", "urn:agent:a:second"))
              .build());

      // then
      assertThat(seen)
          .containsEntry("Authorization", "Bearer s3cr3t")
          .containsEntry("X-Custom", "kept")
          .containsEntry("X-Request-Id", "req-42")
          .containsEntry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
          .containsEntry("x-agent-delegation", "urn:agent:a:first -> urn:agent:a:second");
      assertThat(seen.get("Content-Type")).startsWith("application/json");
      assertThat(seen.get("User-Agent")).startsWith("ossp-runtime/");
    }
  }

  @Test
  void explicitAuthorizationHeaderWinsAndManagedHeadersAreRejected() throws Exception {
    // given
    Map<String, String> seen = new ConcurrentHashMap<>();
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  seen.put("Authorization", String.valueOf(exchange.header("Authorization")));
                  exchange.respond(200, "{}");
                });
        TestClients clients =
            TestClients.of(
                ClientSettings.builder()
                    .defaultAuth("bearer", Map.of("token", "s3cr3t"))
                    .build())) {

      // when
      clients.client.request(
          server.uri("/v1/a"),
          CallOptions.builder().header("Authorization", "Bearer caller").build());
      OsspException rejected =
          catchThrowableOfType(
              OsspException.class,
              () ->
                  clients.client.request(
                      server.uri("/v1/b"), CallOptions.builder().header("Host", "evil").build()));

      // then
      assertThat(seen).containsEntry("Authorization", "Bearer caller");
      assertThat(rejected.kind()).isEqualTo(ErrorKind.VALIDATION);
      assertThat(rejected.getMessage()).contains("'Host'");
    }
  }

  @Test
  void missingTokenFailsBeforeSendingWithoutLeakingSecrets() throws Exception {
    // given
    try (TestServer server = TestServer.start(exchange -> exchange.respond(200, "{}"));
        TestClients clients =
            TestClients.of(
                ClientSettings.builder()
                    .defaultAuth("bearer", Map.of("token-env", "OSSP_TEST_TOKEN_NEVER_SET"))
                    .build())) {

      // when
      OsspException error =
          catchThrowableOfType(
              OsspException.class,
              () -> clients.client.request(server.uri("/x"), CallOptions.get()));

      // then
      assertThat(error.kind()).isEqualTo(ErrorKind.AUTH);
      assertThat(error.getMessage()).contains("OSSP_TEST_TOKEN_NEVER_SET");
      assertThat(server.requests()).isZero();
    }
  }

  @Test
  void getCachedForMaxAgeAndRevalidatedWithEtag() throws Exception {
    // given
    AtomicInteger calls = new AtomicInteger();
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  calls.incrementAndGet();
                  switch (exchange.path()) {
                    case "/fresh" ->
                        exchange.header("Cache-Control", "max-age=60").respond(200, "{\"v\":1}");
                    case "/etag" -> {
                      if ("\"v1\"".equals(exchange.header("If-None-Match"))) {
                        exchange.header("ETag", "\"v1\"").respond(304, null, new byte[0]);
                      } else {
                        exchange
                            .header("ETag", "\"v1\"")
                            .header("Cache-Control", "no-cache")
                            .respond(200, "{\"v\":2}");
                      }
                    }
                    default -> exchange.respond(500, "{}");
                  }
                });
        TestClients clients = TestClients.of(ClientSettings.defaults(), 1)) {
      DefaultAgentHttpClient client =
          DefaultAgentHttpClient.builder(clients.client.transport())
              .cache(
                  new ResponseCache(
                      new dev.ossp.runtime.core.internal.cache.CaffeineCacheStrategy(),
                      100,
                      java.time.Duration.ofHours(1)))
              .build();

      // when
      AgentResponse first = client.request(server.uri("/fresh"), CallOptions.get());
      AgentResponse second = client.request(server.uri("/fresh"), CallOptions.get());
      AgentResponse etagFirst = client.request(server.uri("/etag"), CallOptions.get());
      AgentResponse etagSecond = client.request(server.uri("/etag"), CallOptions.get());
      catchThrowableOfType(
          AgentHttpException.class, () -> client.request(server.uri("/error"), CallOptions.get()));
      catchThrowableOfType(
          AgentHttpException.class, () -> client.request(server.uri("/error"), CallOptions.get()));

      // then
      assertThat(first.fromCache()).isFalse();
      assertThat(second.fromCache()).isTrue();
      assertThat(second.bodyAsString()).isEqualTo("{\"v\":1}");
      assertThat(etagFirst.fromCache()).isFalse();
      assertThat(etagSecond.fromCache()).isTrue();
      assertThat(etagSecond.bodyAsString()).isEqualTo("{\"v\":2}");
      assertThat(calls.get()).isEqualTo(1 + 2 + 2);
    }
  }
}
