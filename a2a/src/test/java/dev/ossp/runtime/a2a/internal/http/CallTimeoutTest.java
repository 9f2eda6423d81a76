package dev.ossp.runtime.a2a.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.a2a.AgentResponse;
import dev.ossp.runtime.a2a.CallOptions;
import dev.ossp.runtime.a2a.TestClients;
import dev.ossp.runtime.a2a.TestServer;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A call's own timeouts apply to that call only, in either order. */
@Timeout(30)
class CallTimeoutTest {
  private static final byte[] OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

  /** Starts a server that responds to /fast at once and sends the body of /slow after 600 ms. */
  private static TestServer start() throws Exception {
    return TestServer.start(
        exchange -> {
          if (exchange.path().equals("/fast")) {
            exchange.respond(200, "application/json", OK);
            return;
          }
          OutputStream out = exchange.startStreaming(200, "application/json");
          out.flush();
          Thread.sleep(600);
          exchange.writeChunk(OK);
          exchange.endStream();
        });
  }

  private static CallOptions withResponseTimeout(Duration timeout) {
    return CallOptions.builder().cacheable(false).responseTimeout(timeout).build();
  }

  @Test
  void shortTimeoutNotReusedByNextCall() throws Exception {
    // given: the client's response timeout of 5 s outlasts the stall
    try (TestServer server = start();
        TestClients clients =
            TestClients.of(
                ClientSettings.builder().responseTimeout(Duration.ofSeconds(5)).build())) {
      clients.client.request(server.uri("/fast"), withResponseTimeout(Duration.ofMillis(200)));

      // when
      AgentResponse slow =
          clients.client.request(
              server.uri("/slow"), CallOptions.builder().cacheable(false).build());

      // then
      assertThat(slow.body()).isEqualTo(OK);
    }
  }

  @Test
  void shortTimeoutAppliesAfterDefaultCall() throws Exception {
    // given
    try (TestServer server = start();
        TestClients clients =
            TestClients.of(
                ClientSettings.builder().responseTimeout(Duration.ofSeconds(5)).build(), 1)) {
      clients.client.request(server.uri("/fast"), CallOptions.builder().cacheable(false).build());

      // when
      long start = System.nanoTime();
      OsspException error =
          catchThrowableOfType(
              OsspException.class,
              () ->
                  clients.client.request(
                      server.uri("/slow"), withResponseTimeout(Duration.ofMillis(200))));
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      // then
      assertThat(error.kind()).isEqualTo(ErrorKind.TIMEOUT);
      assertThat(elapsedMillis).isBetween(150L, 3_000L);
      assertThat(clients.client.transport().leased()).isZero();
    }
  }
}
