package dev.ossp.runtime.a2a.internal.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.a2a.A2aErrorCode;
import dev.ossp.runtime.a2a.A2aProtocol;
import dev.ossp.runtime.a2a.Artifact;
import dev.ossp.runtime.a2a.DataPart;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.Part;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.TaskState;
import dev.ossp.runtime.a2a.TaskStatus;
import dev.ossp.runtime.a2a.TextPart;
import dev.ossp.runtime.a2a.internal.protocol.Dialect;
import dev.ossp.runtime.a2a.internal.protocol.Json;
import dev.ossp.runtime.a2a.internal.protocol.Operation;
import dev.ossp.runtime.a2a.internal.protocol.V03Dialect;
import dev.ossp.runtime.a2a.internal.protocol.V10Dialect;
import dev.ossp.runtime.a2a.internal.protocol.WireFormatException;
import dev.ossp.runtime.error.OsspException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the node agent's JSON-RPC requests in the dialect the {@code A2A-Version} header selects
 * (none or {@code 0.3}: v0.3; {@code 1.0}: v1.0; anything else: error -32009). Every error is a
 * JSON-RPC error with HTTP 200, as the reference SDK does. A sent message runs its skill at once
 * and returns a completed task, kept in the task log for {@code tasks/get}. Thread-safe.
 */
final class NodeAgentRpc {
  private static final Logger LOG = LoggerFactory.getLogger(NodeAgentRpc.class);

  private final NodeSkills skills;
  private final TaskLog tasks;
  private final Clock clock;

  NodeAgentRpc(NodeSkills skills, TaskLog tasks, Clock clock) {
    this.skills = Objects.requireNonNull(skills, "skills");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns the JSON-RPC response to {@code body}, sent with {@code versionHeader}. */
  String answer(String body, @Nullable String versionHeader) {
    JsonNode request;
    try {
      request = Json.parse(body);
    } catch (java.io.IOException e) {
      return error(null, A2aErrorCode.PARSE_ERROR.code(), "Invalid JSON payload.", null);
    }
    JsonNode id = request == null ? null : request.get("id");
    if (request == null
        || !request.isObject()
        || !"2.0".equals(Json.text(request, "jsonrpc"))
        || Json.text(request, "method") == null
        || (id != null && !id.isTextual() && !id.isNumber() && !id.isNull())) {
      return error(
          id != null && (id.isTextual() || id.isNumber()) ? id : null,
          A2aErrorCode.INVALID_REQUEST.code(),
          "Invalid JSON-RPC Request.",
          null);
    }
    Dialect dialect;
    String version = versionHeader == null ? "" : versionHeader.strip();
    if (version.isEmpty() || version.startsWith("0.3")) {
      dialect = V03Dialect.INSTANCE;
    } else if (version.equals("1") || version.startsWith("1.")) {
      dialect = V10Dialect.INSTANCE;
    } else {
      return error(
          id,
          A2aErrorCode.VERSION_NOT_SUPPORTED.code(),
          "The requested A2A protocol version '"
              + version
              + "' is not supported. Supported versions: 1.0, 0.3",
          reason(A2aErrorCode.VERSION_NOT_SUPPORTED));
    }
    String method = Json.text(request, "method");
    JsonNode params = request.path("params");
    try {
      JsonNode result = dispatch(dialect, method, params);
      ObjectNode response = Json.object();
      response.put("jsonrpc", "2.0");
      response.set("id", id);
      response.set("result", result);
      return Json.write(response);
    } catch (RpcError e) {
      return error(id, e.code(), e.getMessage(), e.data());
    } catch (RuntimeException e) {
      LOG.warn("the node agent failed on method {}", method, e);
      return error(
          id,
          A2aErrorCode.INTERNAL_ERROR.code(),
          "Internal error: " + e.getClass().getSimpleName(),
          null);
    }
  }

  private JsonNode dispatch(Dialect dialect, String method, JsonNode params) throws RpcError {
    Operation operation = null;
    for (Operation candidate : Operation.values()) {
      if (!dialect.method(candidate).isEmpty() && dialect.method(candidate).equals(method)) {
        operation = candidate;
      }
    }
    if (operation == null) {
      throw new RpcError(A2aErrorCode.METHOD_NOT_FOUND, "Method not found: " + method);
    }
    return switch (operation) {
      case SEND -> send(dialect, params);
      case GET_TASK -> TaskJson.write(dialect, requireTask(params));
      case CANCEL_TASK -> {
        Task task = requireTask(params);
        throw new RpcError(
            A2aErrorCode.TASK_NOT_CANCELABLE,
            "Task not cancelable: " + task.id() + " is " + task.state().v03Name(),
            reason(A2aErrorCode.TASK_NOT_CANCELABLE));
      }
      case LIST_TASKS -> list(dialect, params);
      case STREAM, RESUBSCRIBE ->
          throw new RpcError(
              A2aErrorCode.UNSUPPORTED_OPERATION,
              "Unsupported operation: the node agent does not stream; use "
                  + dialect.method(Operation.SEND),
              reason(A2aErrorCode.UNSUPPORTED_OPERATION));
      case SET_PUSH_CONFIG, GET_PUSH_CONFIG, LIST_PUSH_CONFIGS, DELETE_PUSH_CONFIG ->
          throw new RpcError(
              A2aErrorCode.PUSH_NOTIFICATION_NOT_SUPPORTED,
              "Push Notification is not supported",
              reason(A2aErrorCode.PUSH_NOTIFICATION_NOT_SUPPORTED));
      case EXTENDED_CARD ->
          throw new RpcError(
              A2aErrorCode.EXTENDED_CARD_NOT_CONFIGURED,
              "Authenticated extended card is not configured",
              reason(A2aErrorCode.EXTENDED_CARD_NOT_CONFIGURED));
    };
  }

  private JsonNode send(Dialect dialect, JsonNode params) throws RpcError {
    JsonNode messageNode = params.get("message");
    if (messageNode == null || !messageNode.isObject()) {
      throw new RpcError(A2aErrorCode.INVALID_PARAMS, "message must be an object");
    }
    Message message;
    try {
      message = dialect.readMessage(messageNode);
    } catch (WireFormatException | IllegalArgumentException e) {
      throw new RpcError(A2aErrorCode.INVALID_PARAMS, "invalid message: " + e.getMessage());
    }
    String skill = skillOf(message);
    if (skill == null) {
      throw new RpcError(
          A2aErrorCode.INVALID_PARAMS,
          "the message names no skill; name one of "
              + NodeAgentCard.SKILLS
              + " in metadata 'skill', a data part's 'skill' field or the first word of the text",
          Map.of("knownSkills", NodeAgentCard.SKILLS));
    }
    if (!NodeAgentCard.SKILLS.contains(skill)) {
      throw new RpcError(
          A2aErrorCode.INVALID_PARAMS,
          "unknown skill '" + skill + "'; known skills: " + String.join(", ", NodeAgentCard.SKILLS),
          Map.of("knownSkills", NodeAgentCard.SKILLS));
    }
    Map<String, Object> output;
    try {
      output =
          skill.equals(NodeAgentCard.DISCOVER_AGENTS)
              ? skills.discoverAgents(queryOf(message))
              : skills.describeRuntime();
    } catch (NodeSkills.Unavailable e) {
      throw new RpcError(
          A2aErrorCode.UNSUPPORTED_OPERATION,
          e.getMessage(),
          reason(A2aErrorCode.UNSUPPORTED_OPERATION));
    } catch (OsspException e) {
      throw new RpcError(A2aErrorCode.INVALID_PARAMS, e.getMessage());
    }
    String contextId =
        message.contextId() != null ? message.contextId() : UUID.randomUUID().toString();
    String taskId = UUID.randomUUID().toString();
    Message request = message.inTask(contextId, taskId);
    Task task =
        new Task(
            taskId,
            contextId,
            new TaskStatus(TaskState.COMPLETED, null, clock.instant()),
            List.of(
                new Artifact(
                    UUID.randomUUID().toString(),
                    skill,
                    null,
                    List.of(DataPart.of(output)),
                    Map.of())),
            List.of(request),
            Map.of("skill", skill));
    tasks.add(task);
    ObjectNode written = TaskJson.write(dialect, task);
    if (dialect.protocol() == A2aProtocol.V1_0) {
      ObjectNode wrapped = Json.object();
      wrapped.set("task", written);
      return wrapped;
    }
    return written;
  }

  private static @Nullable String skillOf(Message message) {
    if (message.metadata().get("skill") instanceof String skill && !skill.isBlank()) {
      return skill.strip();
    }
    for (Part part : message.parts()) {
      if (part instanceof DataPart data && data.data().get("skill") instanceof String skill) {
        return skill.strip();
      }
    }
    for (Part part : message.parts()) {
      if (part instanceof TextPart text && !text.text().isBlank()) {
        return text.text().strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  private static Map<String, Object> queryOf(Message message) {
    for (Part part : message.parts()) {
      if (part instanceof DataPart data) {
        return data.data();
      }
    }
    return Map.of();
  }

  private Task requireTask(JsonNode params) throws RpcError {
    String id = Json.text(params, "id");
    if (id == null) {
      throw new RpcError(A2aErrorCode.INVALID_PARAMS, "params.id must be the task id");
    }
    return tasks
        .find(id)
        .orElseThrow(
            () ->
                new RpcError(
                    A2aErrorCode.TASK_NOT_FOUND,
                    "Task not found: " + id,
                    reason(A2aErrorCode.TASK_NOT_FOUND)));
  }

  private JsonNode list(Dialect dialect, JsonNode params) throws RpcError {
    int pageSize = params.path("pageSize").asInt(50);
    if (pageSize < 1 || pageSize > 1000) {
      throw new RpcError(
          A2aErrorCode.INVALID_PARAMS, "pageSize must be in 1..1000, was " + pageSize);
    }
    int start = 0;
    String token = Json.nonEmpty(params, "pageToken");
    if (token != null) {
      try {
        start = Integer.parseInt(token);
      } catch (NumberFormatException e) {
        throw new RpcError(A2aErrorCode.INVALID_PARAMS, "pageToken is not one this agent issued");
      }
    }
    List<Task> all = tasks.newestFirst(Json.nonEmpty(params, "contextId"));
    ObjectNode page = Json.object();
    ArrayNode list = page.putArray("tasks");
    int end = Math.min(all.size(), start + pageSize);
    for (int i = Math.max(0, start); i < end; i++) {
      list.add(TaskJson.write(dialect, all.get(i)));
    }
    page.put("nextPageToken", end < all.size() ? Integer.toString(end) : "");
    page.put("pageSize", pageSize);
    page.put("totalSize", all.size());
    return page;
  }

  private static @Nullable Object reason(A2aErrorCode code) {
    return List.of(
        Map.of(
            "@type", "type.googleapis.com/google.rpc.ErrorInfo",
            "reason", code.reason(),
            "domain", "a2a-protocol.org"));
  }

  private static String error(
      @Nullable JsonNode id, int code, String message, @Nullable Object data) {
    ObjectNode response = Json.object();
    response.put("jsonrpc", "2.0");
    response.set(
        "id", id == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : id);
    ObjectNode error = response.putObject("error");
    error.put("code", code);
    error.put("message", message);
    if (data != null) {
      error.set("data", Json.fromJava(data));
    }
    return Json.write(response);
  }
}
