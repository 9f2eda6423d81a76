package dev.ossp.runtime.a2a.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.a2a.A2aErrorCode;
import dev.ossp.runtime.a2a.A2aJsonRpcException;
import dev.ossp.runtime.a2a.A2aProtocol;
import dev.ossp.runtime.a2a.A2aStream;
import dev.ossp.runtime.a2a.A2aTarget;
import dev.ossp.runtime.a2a.AgentCard;
import dev.ossp.runtime.a2a.CallOptions;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.NodePeer;
import dev.ossp.runtime.a2a.PushNotificationConfig;
import dev.ossp.runtime.a2a.SendOptions;
import dev.ossp.runtime.a2a.SendResult;
import dev.ossp.runtime.a2a.StreamEvent;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.TaskArtifactUpdateEvent;
import dev.ossp.runtime.a2a.TaskPage;
import dev.ossp.runtime.a2a.TaskState;
import dev.ossp.runtime.a2a.TaskStatusUpdateEvent;
import dev.ossp.runtime.a2a.TestClients;
import dev.ossp.runtime.a2a.internal.http.ClientSettings;
import dev.ossp.runtime.a2a.internal.protocol.DefaultA2aClient;
import dev.ossp.runtime.a2a.internal.protocol.Json;
import dev.ossp.runtime.discovery.CardShape;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our A2A client against real echo agents: @a2a-js/sdk 1.3.0 in both dialects (v1.0 chosen from the
 * card, v0.3 through its compat layer) and the native v0.3 agent on @a2a-js/sdk 0.3.14.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class EchoAgentInteropTest {
  private NodePeer v13;
  private NodePeer v03;
  private TestClients clients;
  private DefaultA2aClient a2a;

  @BeforeAll
  void startPeers() throws Exception {
    v13 = NodePeer.echoV13();
    v03 = NodePeer.echoV03();
    clients = TestClients.of(ClientSettings.defaults());
    a2a = new DefaultA2aClient(clients.client);
  }

  @AfterAll
  void stopPeers() throws Exception {
    clients.close();
    v13.close();
    v03.close();
  }

  /** The three ways to reach an echo agent, named for the report. */
  Stream<Arguments> agents() {
    return Stream.of(
        Arguments.of("sdk 1.3.0, v1.0", A2aTarget.baseUrl(v13.baseUrl()), A2aProtocol.V1_0),
        Arguments.of(
            "sdk 1.3.0, v0.3 compat",
            A2aTarget.endpoint(URI.create(v13.baseUrl() + "/a2a/jsonrpc"), A2aProtocol.V0_3),
            A2aProtocol.V0_3),
        Arguments.of("sdk 0.3.14, v0.3", A2aTarget.baseUrl(v03.baseUrl()), A2aProtocol.V0_3));
  }

  @Test
  void cardsOfBothGenerationsParse() {
    // when
    AgentCard hybrid = a2a.card(A2aTarget.baseUrl(v13.baseUrl()));
    AgentCard native03 = a2a.card(A2aTarget.baseUrl(v03.baseUrl()));

    // then
    assertThat(hybrid.name()).isEqualTo("Echo Agent");
    assertThat(hybrid.shape()).isEqualTo(CardShape.A2A_V0_3);
    assertThat(hybrid.source())
        .isEqualTo(URI.create(v13.baseUrl() + "/.well-known/agent-card.json"));
    assertThat(hybrid.jsonRpcInterfaces())
        .extracting(candidate -> candidate.protocolVersion())
        .contains("1.0", "0.3");
    assertThat(hybrid.features().streaming()).isTrue();
    assertThat(hybrid.skill("echo")).isPresent();
    assertThat(a2a.protocol(A2aTarget.baseUrl(v13.baseUrl()))).isEqualTo(A2aProtocol.V1_0);
    assertThat(native03.shape()).isEqualTo(CardShape.A2A_V0_3);
    assertThat(native03.protocolVersion()).isEqualTo("0.3.0");
    assertThat(a2a.protocol(A2aTarget.baseUrl(v03.baseUrl()))).isEqualTo(A2aProtocol.V0_3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agents")
  void sendReturnsCompletedTaskWithArtifact(String name, A2aTarget target, A2aProtocol protocol) {
    // when
    SendResult result = a2a.sendMessage(target, Message.userText("hello"), SendOptions.defaults());

    // then
    assertThat(a2a.protocol(target)).isEqualTo(protocol);
    assertThat(result).isInstanceOf(Task.class);
    Task task = (Task) result;
    assertThat(task.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(task.artifacts()).hasSize(1);
    assertThat(task.artifacts().get(0).text()).isEqualTo("echo: hello");
    assertThat(task.history()).extracting(Message::text).contains("hello");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agents")
  void sendReturnsDirectMessage(String name, A2aTarget target, A2aProtocol protocol) {
    // when
    SendResult result =
        a2a.sendMessage(target, Message.userText("msg ping"), SendOptions.defaults());

    // then
    assertThat(result).isInstanceOf(Message.class);
    assertThat(((Message) result).text()).isEqualTo("echo: msg ping");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agents")
  void nonBlockingSendThenGetThenCancel(String name, A2aTarget target, A2aProtocol protocol) {
    // when
    Task started =
        (Task) a2a.sendMessage(target, Message.userText("slow job"), SendOptions.nonBlocking());
    Task fetched = a2a.getTask(target, started.id(), 5);
    Task canceled = a2a.cancelTask(target, started.id());

    // then
    assertThat(started.state()).isIn(TaskState.SUBMITTED, TaskState.WORKING);
    assertThat(fetched.id()).isEqualTo(started.id());
    assertThat(fetched.state()).isIn(TaskState.SUBMITTED, TaskState.WORKING);
    assertThat(canceled.state()).isEqualTo(TaskState.CANCELED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agents")
  void streamDeliversTypedEventsUntilCompleted(
      String name, A2aTarget target, A2aProtocol protocol) {
    // when
    List<StreamEvent> events = new ArrayList<>();
    A2aStream stream;
    try (A2aStream opened =
        a2a.streamMessage(target, Message.userText("stream me"), SendOptions.defaults())) {
      stream = opened;
      opened.forEachRemaining(events::add);
    }

    // then
    assertThat(stream.end()).isEqualTo(A2aStream.End.TERMINAL);
    assertThat(stream.lastState()).contains(TaskState.COMPLETED);
    assertThat(events.get(0)).isInstanceOf(Task.class);
    assertThat(events).hasAtLeastOneElementOfType(TaskArtifactUpdateEvent.class);
    StreamEvent last = events.get(events.size() - 1);
    assertThat(last).isInstanceOf(TaskStatusUpdateEvent.class);
    assertThat(((TaskStatusUpdateEvent) last).finalEvent()).isTrue();
    TaskArtifactUpdateEvent artifact =
        (TaskArtifactUpdateEvent)
            events.stream()
                .filter(TaskArtifactUpdateEvent.class::isInstance)
                .findFirst()
                .orElseThrow();
    assertThat(artifact.artifact().text()).isEqualTo("echo: stream me");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agents")
  void resubscribeFollowsTaskUntilCanceled(String name, A2aTarget target, A2aProtocol protocol) {
    // given: a slow task whose first stream the consumer closes early
    String taskId;
    try (A2aStream first =
        a2a.streamMessage(target, Message.userText("slow stream"), SendOptions.defaults())) {
      assertThat(first.hasNext()).isTrue();
      first.next();
      taskId = first.taskId().orElseThrow();
      first.close();
      assertThat(first.end()).isEqualTo(A2aStream.End.CLOSED);
      assertThat(first.hasNext()).isFalse();
    }

    // when: a second stream resubscribes, and the task is canceled meanwhile
    List<StreamEvent> events = new ArrayList<>();
    try (A2aStream again = a2a.resubscribe(target, taskId)) {
      Task canceled = a2a.cancelTask(target, taskId);
      again.forEachRemaining(events::add);

      // then
      assertThat(canceled.state()).isEqualTo(TaskState.CANCELED);
      assertThat(again.end()).isEqualTo(A2aStream.End.TERMINAL);
      assertThat(again.lastState()).contains(TaskState.CANCELED);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agents")
  void unknownTaskIsTypedNotFound(String name, A2aTarget target, A2aProtocol protocol) {
    // when
    A2aJsonRpcException error =
        catchThrowableOfType(A2aJsonRpcException.class, () -> a2a.getTask(target, "nope", null));

    // then
    assertThat(error.code()).isEqualTo(-32001);
    assertThat(error.errorCode()).isEqualTo(A2aErrorCode.TASK_NOT_FOUND);
    assertThat(error.kind()).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(error.context().jsonRpcCode()).hasValue(-32001);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agents")
  void pushConfigOnAgentWithoutPushIsTyped(String name, A2aTarget target, A2aProtocol protocol) {
    // given
    Task task = (Task) a2a.sendMessage(target, Message.userText("hello"), SendOptions.defaults());

    // when
    A2aJsonRpcException error =
        catchThrowableOfType(
            A2aJsonRpcException.class,
            () ->
                a2a.setPushNotificationConfig(
                    target,
                    new PushNotificationConfig(
                        task.id(), "c1", URI.create("http://127.0.0.1:9/hook"), "t")));

    // then
    assertThat(error.errorCode()).isEqualTo(A2aErrorCode.PUSH_NOTIFICATION_NOT_SUPPORTED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agents")
  void cancelOfTerminalTaskIsNotCancelable(String name, A2aTarget target, A2aProtocol protocol) {
    // given
    Task done = (Task) a2a.sendMessage(target, Message.userText("done"), SendOptions.defaults());

    // when
    A2aJsonRpcException refused =
        catchThrowableOfType(A2aJsonRpcException.class, () -> a2a.cancelTask(target, done.id()));

    // then: with this echo agent, 1.3.0 in both dialects and 0.3.14 all refuse with -32002
    assertThat(refused.errorCode()).isEqualTo(A2aErrorCode.TASK_NOT_CANCELABLE);
    assertThat(refused.kind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(refused.retryable()).isFalse();
  }

  @Test
  void resubscribeToTerminalTaskIsUnsupportedInBothDialects() {
    // given
    A2aTarget modern = A2aTarget.baseUrl(v13.baseUrl());
    A2aTarget compat =
        A2aTarget.endpoint(URI.create(v13.baseUrl() + "/a2a/jsonrpc"), A2aProtocol.V0_3);
    Task modernTask =
        (Task) a2a.sendMessage(modern, Message.userText("done"), SendOptions.defaults());
    Task compatTask =
        (Task) a2a.sendMessage(compat, Message.userText("done"), SendOptions.defaults());

    // when: v1.0 answers plain JSON, v0.3 an SSE "event: error"
    A2aJsonRpcException plain =
        catchThrowableOfType(
            A2aJsonRpcException.class,
            () -> {
              try (A2aStream stream = a2a.resubscribe(modern, modernTask.id())) {
                stream.hasNext();
              }
            });
    A2aJsonRpcException inStream =
        catchThrowableOfType(
            A2aJsonRpcException.class,
            () -> {
              try (A2aStream stream = a2a.resubscribe(compat, compatTask.id())) {
                stream.hasNext();
              }
            });

    // then
    assertThat(plain.errorCode()).isEqualTo(A2aErrorCode.UNSUPPORTED_OPERATION);
    assertThat(inStream.errorCode()).isEqualTo(A2aErrorCode.UNSUPPORTED_OPERATION);
  }

  @Test
  void listTasksPagesOnV10AndIsRejectedLocallyOnV03() {
    // given
    A2aTarget modern = A2aTarget.baseUrl(v13.baseUrl());
    for (int i = 0; i < 3; i++) {
      a2a.sendMessage(modern, Message.userText("list " + i), SendOptions.defaults());
    }

    // when
    TaskPage page = a2a.listTasks(modern, dev.ossp.runtime.a2a.ListTasksRequest.firstPage(2));
    OsspException legacy =
        catchThrowableOfType(
            OsspException.class,
            () ->
                a2a.listTasks(
                    A2aTarget.baseUrl(v03.baseUrl()),
                    dev.ossp.runtime.a2a.ListTasksRequest.firstPage(2)));

    // then
    assertThat(page.tasks()).hasSize(2);
    assertThat(page.next()).isPresent();
    assertThat(legacy.kind()).isEqualTo(ErrorKind.PROTOCOL);
    assertThat(legacy.getMessage()).contains("has no ListTasks");
  }

  @Test
  void extendedCardOnNativeV03IsUnsupported() {
    // when
    A2aJsonRpcException error =
        catchThrowableOfType(
            A2aJsonRpcException.class, () -> a2a.extendedCard(A2aTarget.baseUrl(v03.baseUrl())));

    // then
    assertThat(error.errorCode()).isEqualTo(A2aErrorCode.UNSUPPORTED_OPERATION);
  }

  @Test
  void protocolErrorsMapWhetherAnsweredWith200Or400() {
    // given
    A2aTarget modern = A2aTarget.baseUrl(v13.baseUrl());
    A2aTarget compat =
        A2aTarget.endpoint(URI.create(v13.baseUrl() + "/a2a/jsonrpc"), A2aProtocol.V0_3);
    A2aTarget legacy = A2aTarget.baseUrl(v03.baseUrl());

    // when
    A2aJsonRpcException unknownMethodModern =
        catchThrowableOfType(
            A2aJsonRpcException.class,
            () -> a2a.callMethod(modern, "no/such", Json.object(), CallOptions.get()));
    A2aJsonRpcException v10MethodWithoutHeader =
        catchThrowableOfType(
            A2aJsonRpcException.class,
            () ->
                a2a.callMethod(compat, "GetTask", Json.object().put("id", "x"), CallOptions.get()));
    A2aJsonRpcException emptyParamsCompat =
        catchThrowableOfType(
            A2aJsonRpcException.class,
            () -> a2a.callMethod(compat, "message/send", Json.object(), CallOptions.get()));
    A2aJsonRpcException emptyParamsLegacy =
        catchThrowableOfType(
            A2aJsonRpcException.class,
            () -> a2a.callMethod(legacy, "message/send", Json.object(), CallOptions.get()));
    A2aJsonRpcException badVersion =
        catchThrowableOfType(
            A2aJsonRpcException.class,
            () ->
                a2a.callMethod(
                    A2aTarget.endpoint(
                        URI.create(v13.baseUrl() + "/a2a/jsonrpc"), A2aProtocol.V0_3),
                    "GetTask",
                    Json.object().put("id", "x"),
                    CallOptions.builder().header("A2A-Version", "9.9").build()));

    // then
    assertThat(unknownMethodModern.errorCode()).isEqualTo(A2aErrorCode.METHOD_NOT_FOUND);
    assertThat(v10MethodWithoutHeader.errorCode()).isEqualTo(A2aErrorCode.METHOD_NOT_FOUND);
    assertThat(emptyParamsCompat.errorCode()).isEqualTo(A2aErrorCode.INVALID_PARAMS);
    assertThat(emptyParamsCompat.kind()).isEqualTo(ErrorKind.VALIDATION);
    assertThat(emptyParamsLegacy.errorCode()).isEqualTo(A2aErrorCode.INTERNAL_ERROR);
    assertThat(badVersion.errorCode()).isEqualTo(A2aErrorCode.VERSION_NOT_SUPPORTED);
  }

  @Test
  void malformedJsonIsParseErrorWith200OrHttp400() {
    // given
    URI modern = URI.create(v13.baseUrl() + "/a2a/jsonrpc");
    URI legacy = URI.create(v03.baseUrl() + "/a2a/jsonrpc");
    CallOptions broken =
        CallOptions.builder()
            .method(dev.ossp.runtime.a2a.HttpMethod.POST)
            .body("{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json")
            .build();

    // when
    String modernBody = clients.client.request(modern, broken).bodyAsString();
    dev.ossp.runtime.a2a.AgentHttpException legacyError =
        catchThrowableOfType(
            dev.ossp.runtime.a2a.AgentHttpException.class,
            () -> clients.client.request(legacy, broken));

    // then
    assertThat(modernBody).contains("-32700");
    assertThat(legacyError.status()).isEqualTo(400);
    assertThat(legacyError.body()).contains("-32700");
  }
}
