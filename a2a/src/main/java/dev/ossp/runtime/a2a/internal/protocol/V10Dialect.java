package dev.ossp.runtime.a2a.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.a2a.A2aProtocol;
import dev.ossp.runtime.a2a.Artifact;
import dev.ossp.runtime.a2a.DataPart;
import dev.ossp.runtime.a2a.FilePart;
import dev.ossp.runtime.a2a.ListTasksRequest;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.Part;
import dev.ossp.runtime.a2a.PushNotificationConfig;
import dev.ossp.runtime.a2a.Role;
import dev.ossp.runtime.a2a.SendOptions;
import dev.ossp.runtime.a2a.SendResult;
import dev.ossp.runtime.a2a.StreamEvent;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.TaskArtifactUpdateEvent;
import dev.ossp.runtime.a2a.TaskPage;
import dev.ossp.runtime.a2a.TaskState;
import dev.ossp.runtime.a2a.TaskStatus;
import dev.ossp.runtime.a2a.TaskStatusUpdateEvent;
import dev.ossp.runtime.a2a.TextPart;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The A2A v1.0 JSON shapes (protobuf JSON): no {@code kind}, parts with one content field ({@code
 * text}, {@code raw}, {@code url} or {@code data}), roles {@code ROLE_USER} and {@code ROLE_AGENT},
 * states {@code TASK_STATE_*}, results wrapped in a oneof ({@code {"task": ...}}). Status updates
 * carry no {@code final} flag, so it is derived from the state. Stateless.
 */
public final class V10Dialect implements Dialect {
  /** The shared instance. */
  public static final V10Dialect INSTANCE = new V10Dialect();

  private V10Dialect() {}

  @Override
  public A2aProtocol protocol() {
    return A2aProtocol.V1_0;
  }

  @Override
  public String method(Operation operation) {
    return operation.v10Method();
  }

  @Override
  public ObjectNode sendParams(Message message, SendOptions options) {
    ObjectNode params = Json.object();
    params.set("message", message(message));
    ObjectNode configuration = Json.object();
    options.blockingFlag().ifPresent(blocking -> configuration.put("returnImmediately", !blocking));
    if (options.historyLength() != null) {
      configuration.put("historyLength", options.historyLength());
    }
    Wire.putStrings(configuration, "acceptedOutputModes", options.acceptedOutputModes());
    if (!configuration.isEmpty()) {
      params.set("configuration", configuration);
    }
    return params;
  }

  @Override
  public ObjectNode message(Message message) {
    ObjectNode node = Json.object();
    node.put("messageId", message.messageId());
    node.put("role", message.role() == Role.USER ? "ROLE_USER" : "ROLE_AGENT");
    ArrayNode parts = node.putArray("parts");
    message.parts().forEach(part -> parts.add(part(part)));
    Wire.putIfPresent(node, "contextId", message.contextId());
    Wire.putIfPresent(node, "taskId", message.taskId());
    Wire.putStrings(node, "referenceTaskIds", message.referenceTaskIds());
    Wire.putMetadata(node, message.metadata());
    return node;
  }

  /** Writes a part. */
  public ObjectNode part(Part part) {
    ObjectNode node = Json.object();
    if (part instanceof TextPart text) {
      node.put("text", text.text());
    } else if (part instanceof DataPart data) {
      node.set("data", Json.fromJava(data.data()));
    } else if (part instanceof FilePart file) {
      file.bytes().ifPresent(bytes -> node.put("raw", Base64.getEncoder().encodeToString(bytes)));
      file.uri().ifPresent(uri -> node.put("url", uri.toString()));
      file.name().ifPresent(name -> node.put("filename", name));
      file.mediaType().ifPresent(type -> node.put("mediaType", type));
    }
    Wire.putMetadata(node, part.metadata());
    return node;
  }

  @Override
  public SendResult sendResult(JsonNode result) {
    JsonNode task = result.get("task");
    if (task != null && task.isObject()) {
      return task(task);
    }
    JsonNode message = result.get("message");
    if (message != null && message.isObject()) {
      return readMessage(message);
    }
    throw new WireFormatException("send result has neither 'task' nor 'message'");
  }

  @Override
  public Task task(JsonNode node) {
    List<Artifact> artifacts = new ArrayList<>();
    for (JsonNode artifact : Wire.array(node, "artifacts")) {
      artifacts.add(artifact(artifact));
    }
    List<Message> history = new ArrayList<>();
    for (JsonNode message : Wire.array(node, "history")) {
      history.add(readMessage(message));
    }
    String contextId = Json.text(node, "contextId");
    return new Task(
        Wire.required(node, "id", "task"),
        contextId == null ? "" : contextId,
        status(Wire.requiredObject(node, "status", "task")),
        artifacts,
        history,
        Json.toMap(node.get("metadata")));
  }

  @Override
  public StreamEvent event(JsonNode result) {
    if (result.get("task") != null) {
      return task(result.get("task"));
    }
    if (result.get("message") != null) {
      return readMessage(result.get("message"));
    }
    JsonNode update = result.get("statusUpdate");
    if (update != null && update.isObject()) {
      TaskStatus status = status(Wire.requiredObject(update, "status", "status update"));
      return new TaskStatusUpdateEvent(
          Wire.required(update, "taskId", "status update"),
          orEmpty(Json.text(update, "contextId")),
          status,
          status.state().terminal() || status.state().interrupted(),
          Json.toMap(update.get("metadata")));
    }
    JsonNode artifact = result.get("artifactUpdate");
    if (artifact != null && artifact.isObject()) {
      return new TaskArtifactUpdateEvent(
          Wire.required(artifact, "taskId", "artifact update"),
          orEmpty(Json.text(artifact, "contextId")),
          artifact(Wire.requiredObject(artifact, "artifact", "artifact update")),
          artifact.path("append").asBoolean(false),
          artifact.path("lastChunk").asBoolean(false),
          Json.toMap(artifact.get("metadata")));
    }
    throw new WireFormatException(
        "stream event has none of task, message, statusUpdate and artifactUpdate");
  }

  @Override
  public ObjectNode taskParams(String taskId, @Nullable Integer historyLength) {
    ObjectNode params = Json.object();
    params.put("id", taskId);
    if (historyLength != null) {
      params.put("historyLength", historyLength);
    }
    return params;
  }

  @Override
  public ObjectNode listParams(ListTasksRequest request) {
    ObjectNode params = Json.object();
    Wire.putIfPresent(params, "contextId", request.contextId());
    if (request.state() != null) {
      params.put("status", request.state().v10Name());
    }
    if (request.pageSize() != null) {
      params.put("pageSize", request.pageSize());
    }
    Wire.putIfPresent(params, "pageToken", request.pageToken());
    if (request.historyLength() != null) {
      params.put("historyLength", request.historyLength());
    }
    return params;
  }

  @Override
  public TaskPage page(JsonNode result) {
    List<Task> tasks = new ArrayList<>();
    for (JsonNode task : Wire.array(result, "tasks")) {
      tasks.add(task(task));
    }
    return new TaskPage(tasks, Json.nonEmpty(result, "nextPageToken"));
  }

  @Override
  public ObjectNode setPushParams(PushNotificationConfig config) {
    ObjectNode params = Json.object();
    params.put("taskId", config.taskId());
    Wire.putIfPresent(params, "id", config.id());
    params.put("url", config.url().toString());
    Wire.putIfPresent(params, "token", config.token());
    return params;
  }

  @Override
  public ObjectNode pushParams(String taskId, @Nullable String configId) {
    ObjectNode params = Json.object();
    params.put("taskId", taskId);
    Wire.putIfPresent(params, "id", configId);
    return params;
  }

  @Override
  public PushNotificationConfig pushConfig(JsonNode node) {
    return Wire.push(Wire.required(node, "taskId", "push notification config"), node);
  }

  @Override
  public List<PushNotificationConfig> pushConfigs(JsonNode result) {
    List<PushNotificationConfig> configs = new ArrayList<>();
    for (JsonNode config : Wire.array(result, "configs")) {
      configs.add(pushConfig(config));
    }
    return configs;
  }

  @Override
  public Message readMessage(JsonNode node) {
    List<Part> parts = new ArrayList<>();
    for (JsonNode part : Wire.array(node, "parts")) {
      parts.add(readPart(part));
    }
    if (parts.isEmpty()) {
      parts.add(TextPart.of(""));
    }
    String role = Json.text(node, "role");
    return new Message(
        Wire.required(node, "messageId", "message"),
        "ROLE_USER".equals(role) ? Role.USER : Role.AGENT,
        parts,
        Json.nonEmpty(node, "contextId"),
        Json.nonEmpty(node, "taskId"),
        Wire.strings(node, "referenceTaskIds"),
        Json.toMap(node.get("metadata")));
  }

  private Part readPart(JsonNode node) {
    Map<String, Object> metadata = Json.toMap(node.get("metadata"));
    if (node.has("text")) {
      return new TextPart(node.path("text").asText(""), metadata);
    }
    if (node.has("data")) {
      JsonNode data = node.get("data");
      return data.isObject()
          ? new DataPart(Json.toMap(data), metadata)
          : new DataPart(Map.of("value", String.valueOf(Json.toJava(data))), metadata);
    }
    String name = Json.nonEmpty(node, "filename");
    String type = Json.nonEmpty(node, "mediaType");
    if (node.has("raw")) {
      return FilePart.ofBytes(name, type, V03Dialect.decode(node.path("raw").asText("")), metadata);
    }
    URI uri = Wire.uri(Json.text(node, "url"));
    if (uri != null) {
      return FilePart.ofUri(name, type, uri, metadata);
    }
    throw new WireFormatException("part has none of text, data, raw and url");
  }

  private TaskStatus status(JsonNode node) {
    String state = Json.text(node, "state");
    JsonNode message = node.get("message");
    return new TaskStatus(
        state == null ? TaskState.UNKNOWN : TaskState.fromWire(state),
        message != null && message.isObject() ? readMessage(message) : null,
        Wire.instant(node, "timestamp"));
  }

  private Artifact artifact(JsonNode node) {
    List<Part> parts = new ArrayList<>();
    for (JsonNode part : Wire.array(node, "parts")) {
      parts.add(readPart(part));
    }
    return new Artifact(
        Wire.required(node, "artifactId", "artifact"),
        Json.nonEmpty(node, "name"),
        Json.nonEmpty(node, "description"),
        parts,
        Json.toMap(node.get("metadata")));
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }
}
