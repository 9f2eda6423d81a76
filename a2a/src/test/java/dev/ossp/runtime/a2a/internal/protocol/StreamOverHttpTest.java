package dev.ossp.runtime.a2a.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.a2a.A2aProtocol;
import dev.ossp.runtime.a2a.A2aStream;
import dev.ossp.runtime.a2a.A2aTarget;
import dev.ossp.runtime.a2a.AgentCard;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.SendOptions;
import dev.ossp.runtime.a2a.StreamEvent;
import dev.ossp.runtime.a2a.TaskState;
import dev.ossp.runtime.a2a.TestClients;
import dev.ossp.runtime.a2a.TestServer;
import dev.ossp.runtime.a2a.internal.http.ClientSettings;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Streams and card resolution against a Jetty server that writes the exact bytes a test needs. */
@Timeout(30)
class StreamOverHttpTest {
  private static final String TASK =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"kind\":\"task\",\"id\":\"t1\",\"contextId\":\"c1\","
          + "\"status\":{\"state\":\"submitted\"}}}";
  private static final String WORKING =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"kind\":\"status-update\",\"taskId\":\"t1\","
          + "\"contextId\":\"c1\",\"status\":{\"state\":\"working\"},\"final\":false}}";
  private static final String DONE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"kind\":\"status-update\",\"taskId\":\"t1\","
          + "\"contextId\":\"c1\",\"status\":{\"state\":\"completed\"},\"final\":true}}";

  @Test
  void streamSplitIntoOneByteChunksParsesInOrder() throws Exception {
    // given: every byte of the stream is written and flushed on its own, CRLF line endings
    byte[] body =
        ("data: "
                + TASK
                + "\r\n\r\n: keep-alive\r\n\r\ndata: "
                + WORKING
                + "\r\n\r\ndata: "
                + DONE
                + "\r\n\r\ndata: "
                + WORKING
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  exchange.body();
                  exchange.startStreaming(200, "text/event-stream");
                  for (byte b : body) {
                    exchange.writeChunk(new byte[] {b});
                  }
                  exchange.endStream();
                });
        TestClients clients = TestClients.of(ClientSettings.defaults())) {
      DefaultA2aClient a2a = new DefaultA2aClient(clients.client);

      // when
      List<StreamEvent> events = new ArrayList<>();
      A2aStream stream;
      try (A2aStream opened =
          a2a.streamMessage(
              A2aTarget.endpoint(server.uri("/rpc"), A2aProtocol.V0_3),
              Message.userText("go"),
              SendOptions.defaults())) {
        stream = opened;
        opened.forEachRemaining(events::add);
      }

      // then: three events in order, the one after the terminal state ignored
      assertThat(events).hasSize(3);
      assertThat(stream.end()).isEqualTo(A2aStream.End.TERMINAL);
      assertThat(stream.lastState()).contains(TaskState.COMPLETED);
      assertThat(stream.taskId()).contains("t1");
      assertThat(clients.client.transport().leased()).isZero();
    }
  }

  @Test
  void streamClosedBeforeTerminalStateIsInterrupted() throws Exception {
    // given
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  exchange.body();
                  exchange.startStreaming(200, "text/event-stream");
                  exchange.writeChunk(
                      ("data: " + TASK + "\n\ndata: " + WORKING + "\n\n")
                          .getBytes(StandardCharsets.UTF_8));
                  exchange.endStream();
                });
        TestClients clients = TestClients.of(ClientSettings.defaults())) {
      DefaultA2aClient a2a = new DefaultA2aClient(clients.client);

      // when
      List<StreamEvent> events = new ArrayList<>();
      A2aStream stream =
          a2a.streamMessage(
              A2aTarget.endpoint(server.uri("/rpc"), A2aProtocol.V0_3),
              Message.userText("go"),
              SendOptions.defaults());
      stream.forEachRemaining(events::add);

      // then
      assertThat(events).hasSize(2);
      assertThat(stream.end()).isEqualTo(A2aStream.End.INTERRUPTED);
      assertThat(stream.lastState()).contains(TaskState.WORKING);
      assertThat(stream.taskId()).contains("t1");
      assertThat(clients.client.transport().leased()).isZero();
    }
  }

  @Test
  void stalledStreamTimesOutAtResponseTimeout() throws Exception {
    // given
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  exchange.body();
                  exchange.startStreaming(200, "text/event-stream");
                  exchange.writeChunk(("data: " + TASK + "\n\n").getBytes(StandardCharsets.UTF_8));
                  release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                });
        TestClients clients =
            TestClients.of(
                ClientSettings.builder()
                    .responseTimeout(java.time.Duration.ofMillis(300))
                    .build())) {
      DefaultA2aClient a2a = new DefaultA2aClient(clients.client);
      A2aStream stream =
          a2a.streamMessage(
              A2aTarget.endpoint(server.uri("/rpc"), A2aProtocol.V0_3),
              Message.userText("go"),
              SendOptions.defaults());
      stream.next();

      // when
      OsspException error = catchThrowableOfType(OsspException.class, stream::hasNext);
      release.countDown();

      // then
      assertThat(error.kind()).isEqualTo(ErrorKind.TIMEOUT);
      assertThat(stream.end()).isEqualTo(A2aStream.End.FAILED);
      stream.close();
      assertThat(clients.client.transport().leased()).isZero();
    }
  }

  @Test
  void legacyCardPathUsedOnlyAfter404() throws Exception {
    // given
    AtomicInteger legacyHits = new AtomicInteger();
    String card = "{\"name\":\"Old\",\"url\":\"http://127.0.0.1:1/rpc\",\"version\":\"0.1.0\"}";
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  if (exchange.path().equals("/.well-known/agent.json")) {
                    legacyHits.incrementAndGet();
                    exchange.respond(200, card);
                  } else {
                    exchange.respond(404, "{}");
                  }
                });
        TestClients clients = TestClients.of(ClientSettings.defaults())) {
      DefaultA2aClient a2a = new DefaultA2aClient(clients.client);

      // when
      AgentCard resolved = a2a.card(A2aTarget.baseUrl(server.uri("")));
      OsspException explicit =
          catchThrowableOfType(
              OsspException.class,
              () -> a2a.card(A2aTarget.cardUrl(server.uri("/.well-known/agent-card.json"))));

      // then
      assertThat(resolved.name()).isEqualTo("Old");
      assertThat(resolved.source()).isEqualTo(server.uri("/.well-known/agent.json"));
      assertThat(legacyHits.get()).isEqualTo(1);
      assertThat(explicit.kind()).isEqualTo(ErrorKind.NOT_FOUND);
      assertThat(legacyHits.get()).isEqualTo(1);
    }
  }

  @Test
  void failedCardFetchNeverYieldsPlaceholder() throws Exception {
    // given
    try (TestServer server = TestServer.start(exchange -> exchange.respond(200, "{\"nope\":1}"));
        TestClients clients = TestClients.of(ClientSettings.defaults())) {
      DefaultA2aClient a2a = new DefaultA2aClient(clients.client);

      // when
      OsspException error =
          catchThrowableOfType(
              OsspException.class, () -> a2a.card(A2aTarget.baseUrl(server.uri(""))));

      // then
      assertThat(error.kind()).isEqualTo(ErrorKind.PROTOCOL);
      assertThat(error.getMessage()).contains("no name");
    }
  }
}
