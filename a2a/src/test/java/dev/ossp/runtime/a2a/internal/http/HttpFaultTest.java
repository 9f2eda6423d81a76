package dev.ossp.runtime.a2a.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.a2a.AgentHttpClient;
import dev.ossp.runtime.a2a.AgentHttpException;
import dev.ossp.runtime.a2a.AgentResponse;
import dev.ossp.runtime.a2a.CallOptions;
import dev.ossp.runtime.a2a.HttpMethod;
import dev.ossp.runtime.a2a.TestClients;
import dev.ossp.runtime.a2a.TestServer;
import dev.ossp.runtime.error.CircuitOpenException;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.resilience.CircuitBreaker;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HttpFaultTest {
  private static final byte[] OK = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

  @Test
  void serverErrorBurstOpensBreakerAndProbeClosesIt() throws Exception {
    // given
    AtomicInteger status = new AtomicInteger(500);
    try (TestServer server =
            TestServer.start(exchange -> exchange.respond(status.get(), "application/json", OK));
        TestClients clients = TestClients.of(ClientSettings.defaults())) {
      URI url = server.uri("/v1/status");

      // when: three 500s in a row, each a single attempt because 500 is not retried
      for (int i = 0; i < 3; i++) {
        OsspException error =
            catchThrowableOfType(
                OsspException.class, () -> clients.client.request(url, CallOptions.get()));
        assertThat(error.kind()).isEqualTo(ErrorKind.SERVER);
      }

      // then: the breaker of the origin is open and rejects without a request
      CircuitBreaker breaker = clients.breakers.find(RouteKeys.of(url)).orElseThrow();
      assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
      int before = server.requests();
      CircuitOpenException rejected =
          catchThrowableOfType(
              CircuitOpenException.class, () -> clients.client.request(url, CallOptions.get()));
      assertThat(rejected.kind()).isEqualTo(ErrorKind.CIRCUIT_OPEN);
      assertThat(server.requests()).isEqualTo(before);

      // when: the open wait is over and the server recovered
      breaker.transitionToHalfOpen();
      status.set(200);
      AgentResponse probe = clients.client.request(url, CallOptions.get());

      // then
      assertThat(probe.status()).isEqualTo(200);
      assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
  }

  @Test
  void clientErrorsDoNotCountAsBreakerFailures() throws Exception {
    // given
    try (TestServer server =
            TestServer.start(exchange -> exchange.respond(422, "application/json", OK));
        TestClients clients = TestClients.of(ClientSettings.defaults())) {
      URI url = server.uri("/v1/things");

      // when
      for (int i = 0; i < 5; i++) {
        catchThrowableOfType(
            AgentHttpException.class, () -> clients.client.request(url, CallOptions.get()));
      }

      // then
      assertThat(clients.breakers.find(RouteKeys.of(url)).orElseThrow().state())
          .isEqualTo(CircuitBreaker.State.CLOSED);
    }
  }

  @Test
  void postRetriedAfterRetryAfter503() throws Exception {
    // given
    AtomicInteger calls = new AtomicInteger();
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  exchange.body();
                  if (calls.incrementAndGet() == 1) {
                    exchange.header("Retry-After", "1").respond(503, "application/json", OK);
                  } else {
                    exchange.respond(200, "application/json", OK);
                  }
                });
        TestClients clients = TestClients.of(ClientSettings.defaults())) {

      // when
      AgentResponse response =
          clients.client.request(server.uri("/v1/jobs"), CallOptions.postJson("{\"job\":1}"));

      // then
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.attempts()).isEqualTo(2);
      assertThat(server.requests()).isEqualTo(2);
      assertThat(clients.waits).containsExactly(Duration.ofSeconds(1));
    }
  }

  @Test
  void postNotRetriedAfter503WithoutRetryAfter() throws Exception {
    // given
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  exchange.body();
                  exchange.respond(503, "application/json", OK);
                });
        TestClients clients = TestClients.of(ClientSettings.defaults())) {

      // when
      AgentHttpException error =
          catchThrowableOfType(
              AgentHttpException.class,
              () -> clients.client.request(server.uri("/v1/jobs"), CallOptions.postJson("{}")));

      // then
      assertThat(server.requests()).isEqualTo(1);
      assertThat(error.status()).isEqualTo(503);
      assertThat(error.retryable()).isFalse();
      assertThat(error.context().attempts()).isEqualTo(1);
      assertThat(error.context().details())
          .containsEntry(AgentHttpClient.DETAIL_OUTCOME, AgentHttpClient.OUTCOME_UNKNOWN);
    }
  }

  @Test
  void getRetriedOn503UntilAttemptsRunOut() throws Exception {
    // given
    try (TestServer server =
            TestServer.start(exchange -> exchange.respond(503, "application/json", OK));
        TestClients clients = TestClients.of(ClientSettings.defaults())) {

      // when
      AgentHttpException error =
          catchThrowableOfType(
              AgentHttpException.class,
              () -> clients.client.request(server.uri("/v1/status"), CallOptions.get()));

      // then
      assertThat(server.requests()).isEqualTo(3);
      assertThat(error.kind()).isEqualTo(ErrorKind.SERVER);
      assertThat(error.context().attempts()).isEqualTo(3);
      assertThat(clients.waits).hasSize(2);
    }
  }

  @Test
  void serverClosingIdleConnectionsDoesNotFailNextPost() throws Exception {
    // given: the server closes connections idle for 200 ms
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  exchange.body();
                  exchange.respond(200, "application/json", OK);
                },
                200);
        TestClients clients =
            TestClients.of(
                ClientSettings.builder().validateAfterInactivity(Duration.ofMillis(50)).build())) {
      URI url = server.uri("/v1/jobs");
      clients.client.request(url, CallOptions.postJson("{}"));

      // when: the server has closed the idle pooled connection
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (server.openConnections() > 0 && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      assertThat(server.openConnections()).isZero();
      AgentResponse second = clients.client.request(url, CallOptions.postJson("{}"));

      // then
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.attempts()).isEqualTo(1);
      assertThat(server.requests()).isEqualTo(2);
    }
  }

  @Test
  void stallAfterHeadersTimesOutOnReusedConnection() throws Exception {
    // given
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  exchange.body();
                  if (calls.incrementAndGet() == 1) {
                    exchange.respond(200, "application/json", OK);
                    return;
                  }
                  OutputStream out = exchange.startStreaming(200, "application/json");
                  out.flush();
                  release.await(10, TimeUnit.SECONDS);
                });
        TestClients clients =
            TestClients.of(
                ClientSettings.builder().responseTimeout(Duration.ofMillis(300)).build())) {
      URI url = server.uri("/v1/jobs");
      clients.client.request(url, CallOptions.postJson("{}"));

      // when
      long start = System.nanoTime();
      OsspException error =
          catchThrowableOfType(
              OsspException.class, () -> clients.client.request(url, CallOptions.postJson("{}")));
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      release.countDown();

      // then
      assertThat(error.kind()).isEqualTo(ErrorKind.TIMEOUT);
      assertThat(error.context().details())
          .containsEntry(AgentHttpClient.DETAIL_OUTCOME, AgentHttpClient.OUTCOME_UNKNOWN);
      assertThat(elapsedMillis).isBetween(250L, 3_000L);
      assertThat(server.remotePorts()).hasSize(2);
      assertThat(server.remotePorts().get(1)).isEqualTo(server.remotePorts().get(0));
      assertThat(clients.client.transport().leased()).isZero();
    }
  }

  @Test
  void postWhoseConnectionIsResetIsSentOnce() throws Exception {
    // given: the server stores the request, then resets the connection without an answer
    AtomicInteger stored = new AtomicInteger();
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  exchange.body();
                  stored.incrementAndGet();
                  exchange.resetConnection();
                });
        TestClients clients = TestClients.of(ClientSettings.defaults())) {

      // when
      OsspException error =
          catchThrowableOfType(
              OsspException.class,
              () -> clients.client.request(server.uri("/v1/orders"), CallOptions.postJson("{}")));

      // then
      assertThat(stored.get()).isEqualTo(1);
      assertThat(error.kind()).isEqualTo(ErrorKind.NETWORK);
      assertThat(error.retryable()).isFalse();
      assertThat(error.getMessage()).contains("outcome unknown");
      assertThat(error.context().attempts()).isEqualTo(1);
      assertThat(error.context().details())
          .containsEntry(AgentHttpClient.DETAIL_OUTCOME, AgentHttpClient.OUTCOME_UNKNOWN);
    }
  }

  @Test
  void resetIdempotentCallIsRetried() throws Exception {
    // given
    AtomicInteger calls = new AtomicInteger();
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  if (calls.incrementAndGet() == 1) {
                    exchange.resetConnection();
                  } else {
                    exchange.respond(200, "application/json", OK);
                  }
                });
        TestClients clients = TestClients.of(ClientSettings.defaults())) {

      // when
      AgentResponse response =
          clients.client.request(
              server.uri("/v1/orders/7"),
              CallOptions.builder()
                  .method(HttpMethod.PUT)
                  .body("{}".getBytes(StandardCharsets.UTF_8), "application/json")
                  .build());

      // then
      assertThat(response.attempts()).isEqualTo(2);
      assertThat(server.requests()).isEqualTo(2);
    }
  }

  @Test
  void connectFailureOfPostIsRetriedBecauseNothingWasSent() throws Exception {
    // given: a port with no server
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (TestClients clients = TestClients.of(ClientSettings.defaults())) {

      // when
      OsspException error =
          catchThrowableOfType(
              OsspException.class,
              () ->
                  clients.client.request(
                      URI.create("http://127.0.0.1:" + port + "/v1/orders"),
                      CallOptions.postJson("{}")));

      // then
      assertThat(error.kind()).isEqualTo(ErrorKind.NETWORK);
      assertThat(error.context().attempts()).isEqualTo(3);
      assertThat(error.context().details())
          .containsEntry(AgentHttpClient.DETAIL_OUTCOME, AgentHttpClient.OUTCOME_NOT_SENT);
    }
  }

  @Test
  void notFoundBodiesNeverExhaustPool() throws Exception {
    // given: 404 answers with 1 MiB bodies and 2 connections per route
    byte[] large = new byte[1024 * 1024];
    try (TestServer server =
            TestServer.start(exchange -> exchange.respond(404, "text/plain", large));
        TestClients clients =
            TestClients.of(
                ClientSettings.builder()
                    .pool(10, 2, 1, 2)
                    .leaseTimeout(Duration.ofMillis(500))
                    .build())) {

      // when
      for (int i = 0; i < 10; i++) {
        AgentHttpException error =
            catchThrowableOfType(
                AgentHttpException.class,
                () -> clients.client.request(server.uri("/v1/missing"), CallOptions.get()));

        // then
        assertThat(error.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(error.status()).isEqualTo(404);
      }
      assertThat(clients.client.transport().leased()).isZero();
      assertThat(server.requests()).isEqualTo(10);
    }
  }

  @Test
  void deadlineEndsStalledCallBeforeResponseTimeout() throws Exception {
    // given
    CountDownLatch release = new CountDownLatch(1);
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  OutputStream out = exchange.startStreaming(200, "application/json");
                  out.flush();
                  release.await(10, TimeUnit.SECONDS);
                });
        TestClients clients = TestClients.of(ClientSettings.defaults())) {

      // when
      long start = System.nanoTime();
      OsspException error =
          catchThrowableOfType(
              OsspException.class,
              () ->
                  clients.client.request(
                      server.uri("/v1/slow"),
                      CallOptions.builder().deadline(Duration.ofMillis(400)).build()));
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      release.countDown();

      // then
      assertThat(error.kind()).isEqualTo(ErrorKind.TIMEOUT);
      assertThat(error.getMessage()).contains("deadline of 400 ms");
      assertThat(elapsedMillis).isBetween(350L, 3_000L);
      assertThat(clients.client.transport().leased()).isZero();
    }
  }

  @Test
  void interruptedLeaseWaitEndsPromptlyAndLeaksNothing() throws Exception {
    // given: one connection per route, held by a stalled call
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch holding = new CountDownLatch(1);
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  if (exchange.path().equals("/hold")) {
                    holding.countDown();
                    release.await(10, TimeUnit.SECONDS);
                  }
                  exchange.respond(200, "application/json", OK);
                });
        TestClients clients =
            TestClients.of(
                ClientSettings.builder()
                    .pool(4, 1, 1, 1)
                    .leaseTimeout(Duration.ofSeconds(20))
                    .build())) {
      Thread holder =
          new Thread(() -> clients.client.request(server.uri("/hold"), CallOptions.get()));
      holder.start();
      assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

      // when: a second call waits for the only connection and is interrupted
      AtomicReference<Throwable> failure = new AtomicReference<>();
      AtomicReference<Boolean> flagAfter = new AtomicReference<>();
      Thread waiter =
          new Thread(
              () -> {
                try {
                  clients.client.request(server.uri("/wait"), CallOptions.get());
                } catch (RuntimeException e) {
                  failure.set(e);
                }
                flagAfter.set(Thread.currentThread().isInterrupted());
              });
      waiter.start();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (clients.client.transport().pending() == 0 && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      assertThat(clients.client.transport().pending()).isEqualTo(1);
      long interruptedAt = System.nanoTime();
      waiter.interrupt();
      waiter.join(5_000);
      long endedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interruptedAt);
      release.countDown();
      holder.join(5_000);

      // then
      assertThat(waiter.isAlive()).isFalse();
      assertThat(endedMillis).isLessThan(2_000);
      assertThat(failure.get()).isInstanceOf(OsspException.class);
      assertThat(((OsspException) failure.get()).kind()).isEqualTo(ErrorKind.CANCELLED);
      assertThat(flagAfter.get()).isTrue();
      assertThat(clients.client.transport().leased()).isZero();
      assertThat(clients.client.transport().pending()).isZero();
    }
  }
}
