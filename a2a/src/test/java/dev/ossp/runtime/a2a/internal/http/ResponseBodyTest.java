package dev.ossp.runtime.a2a.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.a2a.AgentResponse;
import dev.ossp.runtime.a2a.CallOptions;
import dev.ossp.runtime.a2a.TestClients;
import dev.ossp.runtime.a2a.TestServer;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reading response bodies up to {@link ClientSettings#maxResponseBytes()}: with a declared length
 * and streamed without one, at the limit and past it, and the connection afterwards.
 */
@Timeout(30)
class ResponseBodyTest {
  private static final int MAX_BYTES = 1024;

  private static byte[] pattern(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return bytes;
  }

  private static TestClients clients() {
    return TestClients.of(ClientSettings.builder().maxResponseBytes(MAX_BYTES).build());
  }

  @Test
  void bodyOfDeclaredLengthAtLimitReadWhole() throws Exception {
    // given
    byte[] body = pattern(MAX_BYTES);
    try (TestServer server =
            TestServer.start(exchange -> exchange.respond(200, "application/octet-stream", body));
        TestClients clients = clients()) {

      // when
      AgentResponse first = clients.client.request(server.uri("/v1/blob"), CallOptions.get());
      AgentResponse second = clients.client.request(server.uri("/v1/blob"), CallOptions.get());

      // then
      assertThat(first.body()).isEqualTo(body);
      assertThat(second.body()).isEqualTo(body);
      assertThat(server.remotePorts()).hasSize(2);
      assertThat(server.remotePorts().get(1)).isEqualTo(server.remotePorts().get(0));
      assertThat(clients.client.transport().leased()).isZero();
    }
  }

  @Test
  void emptyBodyOfDeclaredLengthReadAsEmpty() throws Exception {
    // given
    try (TestServer server =
            TestServer.start(exchange -> exchange.respond(200, "application/json", new byte[0]));
        TestClients clients = clients()) {

      // when
      AgentResponse response = clients.client.request(server.uri("/v1/empty"), CallOptions.get());

      // then
      assertThat(response.bodyLength()).isZero();
      assertThat(clients.client.transport().leased()).isZero();
      assertThat(clients.client.transport().available()).isEqualTo(1);
    }
  }

  @Test
  void declaredLengthOverLimitFailsWithoutLeak() throws Exception {
    // given
    byte[] body = pattern(MAX_BYTES + 1);
    try (TestServer server =
            TestServer.start(exchange -> exchange.respond(200, "application/octet-stream", body));
        TestClients clients = clients()) {

      // when
      OsspException error =
          catchThrowableOfType(
              OsspException.class,
              () -> clients.client.request(server.uri("/v1/blob"), CallOptions.get()));

      // then
      assertThat(error.kind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(error.getMessage()).contains("exceeds the maximum of 1024 bytes");
      assertThat(error.retryable()).isFalse();
      assertThat(server.requests()).isEqualTo(1);
      assertThat(clients.client.transport().leased()).isZero();
      assertThat(clients.client.transport().available()).isZero();
    }
  }

  @Test
  void streamedBodyAtLimitReadWhole() throws Exception {
    // given: no Content-Length, so the buffer grows from its first guess
    byte[] body = pattern(MAX_BYTES);
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  exchange.startStreaming(200, "application/octet-stream");
                  for (int offset = 0; offset < body.length; offset += 100) {
                    exchange.writeChunk(
                        Arrays.copyOfRange(body, offset, Math.min(body.length, offset + 100)));
                  }
                  exchange.endStream();
                });
        TestClients clients = clients()) {

      // when
      AgentResponse first = clients.client.request(server.uri("/v1/stream"), CallOptions.get());
      AgentResponse second = clients.client.request(server.uri("/v1/stream"), CallOptions.get());

      // then
      assertThat(first.body()).isEqualTo(body);
      assertThat(second.body()).isEqualTo(body);
      assertThat(server.remotePorts().get(1)).isEqualTo(server.remotePorts().get(0));
      assertThat(clients.client.transport().leased()).isZero();
    }
  }

  @Test
  void streamedBodyOverLimitFailsWithoutLeak() throws Exception {
    // given
    byte[] body = pattern(MAX_BYTES + 1);
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  exchange.startStreaming(200, "application/octet-stream");
                  exchange.writeChunk(body);
                  exchange.endStream();
                });
        TestClients clients = clients()) {

      // when
      OsspException error =
          catchThrowableOfType(
              OsspException.class,
              () -> clients.client.request(server.uri("/v1/stream"), CallOptions.get()));

      // then
      assertThat(error.kind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(error.getMessage()).contains("exceeds the maximum of 1024 bytes");
      assertThat(server.requests()).isEqualTo(1);
      assertThat(clients.client.transport().leased()).isZero();
      assertThat(clients.client.transport().available()).isZero();
    }
  }

  @Test
  void repeatedHeaderValuesKeptInOrder() throws Exception {
    // given
    try (TestServer server =
            TestServer.start(
                exchange ->
                    exchange
                        .addHeader("X-Trace", "first")
                        .addHeader("X-Trace", "second")
                        .addHeader("X-Trace", "third")
                        .header("X-Single", "only")
                        .respond(200, "{}"));
        TestClients clients = clients()) {

      // when
      AgentResponse response = clients.client.request(server.uri("/v1/status"), CallOptions.get());

      // then
      assertThat(response.headerValues("X-Trace")).containsExactly("first", "second", "third");
      assertThat(response.headerValues("x-single")).containsExactly("only");
      assertThat(response.header("Content-Type")).hasValue("application/json");
    }
  }
}
