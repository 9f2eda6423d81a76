package dev.ossp.runtime.a2a.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.a2a.A2aClient;
import dev.ossp.runtime.a2a.A2aErrorCode;
import dev.ossp.runtime.a2a.A2aJsonRpcException;
import dev.ossp.runtime.a2a.A2aProtocol;
import dev.ossp.runtime.a2a.A2aStream;
import dev.ossp.runtime.a2a.A2aTarget;
import dev.ossp.runtime.a2a.AgentCard;
import dev.ossp.runtime.a2a.AgentHttpException;
import dev.ossp.runtime.a2a.AgentResponse;
import dev.ossp.runtime.a2a.CallOptions;
import dev.ossp.runtime.a2a.HttpMethod;
import dev.ossp.runtime.a2a.ListTasksRequest;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.PushNotificationConfig;
import dev.ossp.runtime.a2a.SendOptions;
import dev.ossp.runtime.a2a.SendResult;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.TaskPage;
import dev.ossp.runtime.a2a.internal.http.CallTarget;
import dev.ossp.runtime.a2a.internal.http.DefaultAgentHttpClient;
import dev.ossp.runtime.a2a.internal.http.ExchangeHandler;
import dev.ossp.runtime.a2a.internal.http.OpenExchange;
import dev.ossp.runtime.a2a.internal.http.TargetOverride;
import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.SecurityScheme;
import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link A2aClient}: card resolution, the choice of protocol generation and endpoint, JSON-RPC
 * calls in either dialect and streams, all over the {@link DefaultAgentHttpClient}. Thread-safe.
 */
public final class DefaultA2aClient implements A2aClient {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultA2aClient.class);
  private static final String CARD_PATH = "/.well-known/agent-card.json";
  private static final String LEGACY_CARD_PATH = "/.well-known/agent.json";

  private final DefaultAgentHttpClient http;

  /** Creates the client over {@code http}. */
  public DefaultA2aClient(DefaultAgentHttpClient http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  /** A target resolved to the endpoints of one generation. */
  private record Resolved(CallTarget call, Dialect dialect) {}

  // ---- Cards ---------------------------------------------------------------------------------

  @Override
  public AgentCard card(A2aTarget target) {
    Objects.requireNonNull(target, "target");

    return switch (target.kind()) {
      case URN -> {
        AgentRecord record = http.resolve(target.agentUrn().orElseThrow());
        yield parseCard(record.cardJson(), URI.create(record.urn().toString()), target.key());
      }
      case CARD_URL -> fetchCard(target.uri().orElseThrow(), target.key());
      case BASE_URL -> fetchFromBase(target.uri().orElseThrow(), target.key());
      case ENDPOINT ->
          throw new OsspException(
              ErrorKind.VALIDATION,
              "an endpoint target has no card; address the agent by URN, base URL or card URL",
              null,
              ErrorContext.builder().target(target.key()).build(),
              false);
    };
  }

  private AgentCard fetchFromBase(URI base, String key) {
    String text = base.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    try {
      return fetchCard(URI.create(text + CARD_PATH), key);
    } catch (AgentHttpException e) {
      if (e.status() != 404) {
        throw e;
      }
      LOG.debug("{} has no {}; trying the legacy {}", key, CARD_PATH, LEGACY_CARD_PATH);
      return fetchCard(URI.create(text + LEGACY_CARD_PATH), key);
    }
  }

  private AgentCard fetchCard(URI url, String key) {
    AgentResponse response;
    try {
      response =
          http.request(url, CallOptions.builder().header("Accept", "application/json").build());
    } catch (AgentHttpException e) {
      Optional<A2aJsonRpcException> rpc = JsonRpc.errorIn(e.body(), e.context());
      if (e.status() == 400
          && rpc.isPresent()
          && rpc.get().errorCode() == A2aErrorCode.VERSION_NOT_SUPPORTED) {
        // A v1.0-only agent with the compat layer on serves its card only to v1.0 clients.
        LOG.debug("{} serves its card only with A2A-Version 1.0; asking again", key);
        response =
            http.request(
                url,
                CallOptions.builder()
                    .header("Accept", "application/json")
                    .header("A2A-Version", A2aProtocol.V1_0.version())
                    .build());
      } else {
        throw e;
      }
    }
    return parseCard(response.bodyAsString(), url, key);
  }

  private static AgentCard parseCard(String json, URI source, String key) {
    try {
      return CardParser.parse(json, source);
    } catch (WireFormatException e) {
      throw new OsspException(
          ErrorKind.PROTOCOL,
          "invalid agent card from " + source + ": " + e.getMessage(),
          e,
          ErrorContext.builder().target(key).build(),
          false);
    }
  }

  // ---- Resolution ----------------------------------------------------------------------------

  @Override
  public A2aProtocol protocol(A2aTarget target) {
    return resolve(target).dialect().protocol();
  }

  private Resolved resolve(A2aTarget target) {
    Objects.requireNonNull(target, "target");

    if (target.kind() == A2aTarget.Kind.ENDPOINT) {
      CallTarget call = http.targetForUrl(target.uri().orElseThrow());
      return new Resolved(call, dialect(target.protocol().orElseThrow()));
    }
    List<AgentInterface> interfaces;
    List<SecurityScheme> schemes;
    String key;
    TargetOverride override;
    if (target.kind() == A2aTarget.Kind.URN) {
      AgentRecord record = http.resolve(target.agentUrn().orElseThrow());
      interfaces = record.interfaces();
      schemes = record.securitySchemes();
      key = record.urn().toString();
      override = http.overrideFor(record.urn());
    } else {
      AgentCard card = card(target);
      interfaces = card.interfaces();
      schemes = card.securitySchemes();
      key = target.key();
      override = http.overrideFor(target.uri().orElseThrow().toString());
    }
    A2aProtocol wanted = override == null ? null : override.protocol();
    A2aProtocol chosen = choose(interfaces, wanted);
    if (chosen == null) {
      throw new OsspException(
          ErrorKind.PROTOCOL,
          key
              + " offers no JSON-RPC interface"
              + (wanted == null ? "" : " of A2A " + wanted.version())
              + "; its interfaces: "
              + describe(interfaces),
          null,
          ErrorContext.builder().target(key).build(),
          false);
    }
    List<URI> candidates = new ArrayList<>();
    for (AgentInterface candidate : interfaces) {
      if (isJsonRpc(candidate)
          && generation(candidate) == chosen
          && !candidates.contains(candidate.url())) {
        candidates.add(candidate.url());
      }
    }
    return new Resolved(new CallTarget(key, candidates, override, schemes), dialect(chosen));
  }

  private static @Nullable A2aProtocol choose(
      List<AgentInterface> interfaces, @Nullable A2aProtocol wanted) {
    boolean v10 = false;
    boolean v03 = false;
    for (AgentInterface candidate : interfaces) {
      if (isJsonRpc(candidate)) {
        if (generation(candidate) == A2aProtocol.V1_0) {
          v10 = true;
        } else {
          v03 = true;
        }
      }
    }
    if (wanted != null) {
      return (wanted == A2aProtocol.V1_0 ? v10 : v03) ? wanted : null;
    }
    if (v10) {
      return A2aProtocol.V1_0;
    }
    return v03 ? A2aProtocol.V0_3 : null;
  }

  private static boolean isJsonRpc(AgentInterface candidate) {
    return candidate.binding().toUpperCase(Locale.ROOT).replace("-", "").equals("JSONRPC");
  }

  private static A2aProtocol generation(AgentInterface candidate) {
    return candidate.version().flatMap(A2aProtocol::fromVersion).orElse(A2aProtocol.V0_3);
  }

  private static String describe(List<AgentInterface> interfaces) {
    List<String> parts = new ArrayList<>();
    for (AgentInterface candidate : interfaces) {
      parts.add(candidate.binding() + " " + candidate.version().orElse("?"));
    }
    return String.join(", ", parts);
  }

  private static Dialect dialect(A2aProtocol protocol) {
    return protocol == A2aProtocol.V1_0 ? V10Dialect.INSTANCE : V03Dialect.INSTANCE;
  }

  // ---- Calls ---------------------------------------------------------------------------------

  @Override
  public SendResult sendMessage(A2aTarget target, Message message, SendOptions options) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(options, "options");

    Resolved resolved = resolve(target);
    JsonNode result =
        call(
            resolved,
            Operation.SEND,
            resolved.dialect().sendParams(message, options),
            options.call(),
            null);
    return decode(resolved, () -> resolved.dialect().sendResult(result));
  }

  @Override
  public A2aStream streamMessage(A2aTarget target, Message message, SendOptions options) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(options, "options");

    Resolved resolved = resolve(target);
    return stream(
        resolved,
        Operation.STREAM,
        resolved.dialect().sendParams(message, options),
        options.call());
  }

  @Override
  public Task getTask(A2aTarget target, String taskId, @Nullable Integer historyLength) {
    Objects.requireNonNull(taskId, "taskId");

    Resolved resolved = resolve(target);
    JsonNode result =
        call(
            resolved,
            Operation.GET_TASK,
            resolved.dialect().taskParams(taskId, historyLength),
            CallOptions.get(),
            null);
    return decode(resolved, () -> resolved.dialect().task(result));
  }

  @Override
  public TaskPage listTasks(A2aTarget target, ListTasksRequest request) {
    Objects.requireNonNull(request, "request");

    Resolved resolved = resolve(target);
    requireMethod(resolved, Operation.LIST_TASKS);
    JsonNode result =
        call(
            resolved,
            Operation.LIST_TASKS,
            resolved.dialect().listParams(request),
            CallOptions.get(),
            null);
    return decode(resolved, () -> resolved.dialect().page(result));
  }

  @Override
  public Task cancelTask(A2aTarget target, String taskId) {
    Objects.requireNonNull(taskId, "taskId");

    Resolved resolved = resolve(target);
    TargetOverride override = resolved.call().override();
    Duration timeout =
        override != null && override.cancelTimeout() != null
            ? override.cancelTimeout()
            : http.settings().cancelTimeout();
    JsonNode result =
        call(
            resolved,
            Operation.CANCEL_TASK,
            resolved.dialect().taskParams(taskId, null),
            CallOptions.get(),
            timeout);
    return decode(resolved, () -> resolved.dialect().task(result));
  }

  @Override
  public A2aStream resubscribe(A2aTarget target, String taskId) {
    Objects.requireNonNull(taskId, "taskId");

    Resolved resolved = resolve(target);
    return stream(
        resolved,
        Operation.RESUBSCRIBE,
        resolved.dialect().taskParams(taskId, null),
        CallOptions.get());
  }

  @Override
  public PushNotificationConfig setPushNotificationConfig(
      A2aTarget target, PushNotificationConfig config) {
    Objects.requireNonNull(config, "config");

    Resolved resolved = resolve(target);
    JsonNode result =
        call(
            resolved,
            Operation.SET_PUSH_CONFIG,
            resolved.dialect().setPushParams(config),
            CallOptions.get(),
            null);
    return decode(resolved, () -> resolved.dialect().pushConfig(result));
  }

  @Override
  public PushNotificationConfig getPushNotificationConfig(
      A2aTarget target, String taskId, @Nullable String configId) {
    Objects.requireNonNull(taskId, "taskId");

    Resolved resolved = resolve(target);
    JsonNode result =
        call(
            resolved,
            Operation.GET_PUSH_CONFIG,
            resolved.dialect().pushParams(taskId, configId),
            CallOptions.get(),
            null);
    return decode(resolved, () -> resolved.dialect().pushConfig(result));
  }

  @Override
  public List<PushNotificationConfig> listPushNotificationConfigs(A2aTarget target, String taskId) {
    Objects.requireNonNull(taskId, "taskId");

    Resolved resolved = resolve(target);
    JsonNode result =
        call(
            resolved,
            Operation.LIST_PUSH_CONFIGS,
            resolved.dialect().pushParams(taskId, null),
            CallOptions.get(),
            null);
    return decode(resolved, () -> resolved.dialect().pushConfigs(result));
  }

  @Override
  public void deletePushNotificationConfig(A2aTarget target, String taskId, String configId) {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(configId, "configId");

    Resolved resolved = resolve(target);
    call(
        resolved,
        Operation.DELETE_PUSH_CONFIG,
        resolved.dialect().pushParams(taskId, configId),
        CallOptions.get(),
        null);
  }

  @Override
  public AgentCard extendedCard(A2aTarget target) {
    Resolved resolved = resolve(target);
    JsonNode result =
        call(resolved, Operation.EXTENDED_CARD, Json.object(), CallOptions.get(), null);
    return parseCard(
        Json.write(result), resolved.call().candidates().get(0), resolved.call().key());
  }

  /**
   * Calls any JSON-RPC method on the agent, for methods outside the A2A core such as extensions,
   * and returns the raw result. Not retried unless {@code call} marks it idempotent.
   */
  public JsonNode callMethod(A2aTarget target, String method, JsonNode params, CallOptions call) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(call, "call");

    Resolved resolved = resolve(target);
    ObjectNode request = JsonRpc.request(method, params);
    CallOptions.Builder builder =
        call.toBuilder()
            .method(HttpMethod.POST)
            .body(Json.write(request).getBytes(StandardCharsets.UTF_8), "application/json")
            .cacheable(false);
    if (resolved.dialect().protocol() == A2aProtocol.V1_0) {
      builder.header("A2A-Version", A2aProtocol.V1_0.version());
    }
    AgentResponse response;
    try {
      response = http.execute(resolved.call(), builder.build());
    } catch (AgentHttpException e) {
      throw JsonRpc.errorIn(e.body(), e.context()).map(OsspException.class::cast).orElse(e);
    }
    ErrorContext context = ErrorContext.builder().target(resolved.call().key()).build();
    try {
      return JsonRpc.result(Json.parse(response.body()), context);
    } catch (IOException e) {
      throw JsonRpc.protocol("the agent's response to " + method + " is not JSON", context);
    }
  }

  private interface Decoder<T> {
    T decode();
  }

  private static <T> T decode(Resolved resolved, Decoder<T> decoder) {
    try {
      return decoder.decode();
    } catch (WireFormatException e) {
      throw new OsspException(
          ErrorKind.PROTOCOL,
          "invalid A2A "
              + resolved.dialect().protocol().version()
              + " result from "
              + resolved.call().key()
              + ": "
              + e.getMessage(),
          e,
          ErrorContext.builder().target(resolved.call().key()).build(),
          false);
    }
  }

  private static String requireMethod(Resolved resolved, Operation operation) {
    String method = resolved.dialect().method(operation);
    if (method.isEmpty()) {
      throw new OsspException(
          ErrorKind.PROTOCOL,
          "A2A "
              + resolved.dialect().protocol().version()
              + " has no "
              + operation.v10Method()
              + " method; "
              + resolved.call().key()
              + " speaks only that generation",
          null,
          ErrorContext.builder().target(resolved.call().key()).build(),
          false);
    }
    return method;
  }

  private CallOptions rpcOptions(
      Resolved resolved,
      Operation operation,
      JsonNode params,
      CallOptions call,
      boolean stream,
      @Nullable Duration deadline) {
    String method = requireMethod(resolved, operation);
    ObjectNode request = JsonRpc.request(method, params);
    CallOptions.Builder builder =
        call.toBuilder()
            .method(HttpMethod.POST)
            .body(Json.write(request).getBytes(StandardCharsets.UTF_8), "application/json")
            .cacheable(false)
            .header("Accept", stream ? "text/event-stream" : "application/json");
    if (call.idempotentOverride().isEmpty()) {
      builder.idempotent(operation.idempotent());
    }
    if (resolved.dialect().protocol() == A2aProtocol.V1_0) {
      builder.header("A2A-Version", A2aProtocol.V1_0.version());
    }
    if (deadline != null && call.deadline().isEmpty()) {
      builder.deadline(deadline);
    }
    return builder.build();
  }

  private JsonNode call(
      Resolved resolved,
      Operation operation,
      JsonNode params,
      CallOptions call,
      @Nullable Duration deadline) {
    CallOptions options = rpcOptions(resolved, operation, params, call, false, deadline);
    AgentResponse response;
    try {
      response = http.execute(resolved.call(), options);
    } catch (AgentHttpException e) {
      throw JsonRpc.errorIn(e.body(), e.context()).map(OsspException.class::cast).orElse(e);
    }
    ErrorContext context =
        ErrorContext.builder()
            .target(resolved.call().key())
            .requestId(response.requestId())
            .attempts(response.attempts())
            .build();
    JsonNode body;
    try {
      body = Json.parse(response.body());
    } catch (IOException e) {
      throw JsonRpc.protocol(
          "the agent's response to " + operation.v10Method() + " is not JSON", context);
    }
    return JsonRpc.result(body, context);
  }

  private A2aStream stream(
      Resolved resolved, Operation operation, JsonNode params, CallOptions call) {
    CallOptions options = rpcOptions(resolved, operation, params, call, true, null);
    ExchangeHandler<A2aStream> handler =
        new ExchangeHandler<>() {
          @Override
          public A2aStream handle(
              OpenExchange exchange, int attempts, long startNanos, String requestId)
              throws IOException {
            ErrorContext context =
                ErrorContext.builder()
                    .target(resolved.call().key())
                    .requestId(requestId)
                    .attempts(attempts)
                    .build();
            String type = exchange.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (type.startsWith("text/event-stream")) {
              return new SseEventStream(exchange, resolved.dialect(), context);
            }
            byte[] body = exchange.readBody(http.settings().maxResponseBytes());
            exchange.close();
            JsonNode result = JsonRpc.result(Json.parse(body), context);
            return new FixedEventStream(decode(resolved, () -> resolved.dialect().event(result)));
          }

          @Override
          public boolean takesOverExchange() {
            return true;
          }
        };
    try {
      return http.execute(resolved.call(), options, handler);
    } catch (AgentHttpException e) {
      throw JsonRpc.errorIn(e.body(), e.context()).map(OsspException.class::cast).orElse(e);
    }
  }
}
