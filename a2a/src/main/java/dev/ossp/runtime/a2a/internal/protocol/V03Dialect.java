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
 * The A2A v0.3 JSON shapes: every object tagged with {@code kind}, roles {@code user} and {@code
 * agent}, kebab-case states, file parts as {@code {"kind":"file","file":{...}}}. Stateless.
 */
public final class V03Dialect implements Dialect {
  /** The shared instance. */
  public static final V03Dialect INSTANCE = new V03Dialect();

  private V03Dialect() {}

  @Override
  public A2aProtocol protocol() {
    return A2aProtocol.V0_3;
  }

  @Override
  public String method(Operation operation) {
    return operation.v03Method();
  }

  @Override
  public ObjectNode sendParams(Message message, SendOptions options) {
    ObjectNode params = Json.object();
    params.set("message", message(message));
    ObjectNode configuration = Json.object();
    options.blockingFlag().ifPresent(blocking -> configuration.put("blocking", blocking));
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
    node.put("kind", "message");
    node.put("messageId", message.messageId());
    node.put("role", message.role() == Role.USER ? "user" : "agent");
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
      node.put("kind", "text");
      node.put("text", text.text());
    } else if (part instanceof DataPart data) {
      node.put("kind", "data");
      node.set("data", Json.fromJava(data.data()));
    } else if (part instanceof FilePart file) {
      node.put("kind", "file");
      ObjectNode content = node.putObject("file");
      file.name().ifPresent(name -> content.put("name", name));
      file.mediaType().ifPresent(type -> content.put("mimeType", type));
      file.bytes()
          .ifPresent(bytes -> content.put("bytes", Base64.getEncoder().encodeToString(bytes)));
      file.uri().ifPresent(uri -> content.put("uri", uri.toString()));
    }
    Wire.putMetadata(node, part.metadata());
    return node;
  }

  @Override
  public SendResult sendResult(JsonNode result) {
    String kind = Json.text(result, "kind");
    if ("message".equals(kind)) {
      return readMessage(result);
    }
    if ("task".equals(kind)) {
      return task(result);
    }
    throw new WireFormatException("send result has kind '" + kind + "'; expected task or message");
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
    String kind = Json.text(result, "kind");
    if (kind == null) {
      throw new WireFormatException("stream event has no 'kind'");
    }
    return switch (kind) {
      case "task" -> task(result);
      case "message" -> readMessage(result);
      case "status-update" ->
          new TaskStatusUpdateEvent(
              Wire.required(result, "taskId", "status update"),
              orEmpty(Json.text(result, "contextId")),
              status(Wire.requiredObject(result, "status", "status update")),
              result.path("final").asBoolean(false),
              Json.toMap(result.get("metadata")));
      case "artifact-update" ->
          new TaskArtifactUpdateEvent(
              Wire.required(result, "taskId", "artifact update"),
              orEmpty(Json.text(result, "contextId")),
              artifact(Wire.requiredObject(result, "artifact", "artifact update")),
              result.path("append").asBoolean(false),
              result.path("lastChunk").asBoolean(false),
              Json.toMap(result.get("metadata")));
      default -> throw new WireFormatException("stream event has unknown kind '" + kind + "'");
    };
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
    throw new UnsupportedOperationException("A2A v0.3 has no method to list tasks");
  }

  @Override
  public TaskPage page(JsonNode result) {
    throw new UnsupportedOperationException("A2A v0.3 has no method to list tasks");
  }

  @Override
  public ObjectNode setPushParams(PushNotificationConfig config) {
    ObjectNode params = Json.object();
    params.put("taskId", config.taskId());
    ObjectNode push = params.putObject("pushNotificationConfig");
    Wire.putIfPresent(push, "id", config.id());
    push.put("url", config.url().toString());
    Wire.putIfPresent(push, "token", config.token());
    return params;
  }

  @Override
  public ObjectNode pushParams(String taskId, @Nullable String configId) {
    ObjectNode params = Json.object();
    params.put("id", taskId);
    Wire.putIfPresent(params, "pushNotificationConfigId", configId);
    return params;
  }

  @Override
  public PushNotificationConfig pushConfig(JsonNode node) {
    return Wire.push(
        Wire.required(node, "taskId", "push notification config"),
        Wire.requiredObject(node, "pushNotificationConfig", "push notification config"));
  }

  @Override
  public List<PushNotificationConfig> pushConfigs(JsonNode result) {
    List<PushNotificationConfig> configs = new ArrayList<>();
    if (result.isArray()) {
      result.forEach(node -> configs.add(pushConfig(node)));
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
        "user".equals(role) ? Role.USER : Role.AGENT,
        parts,
        Json.nonEmpty(node, "contextId"),
        Json.nonEmpty(node, "taskId"),
        Wire.strings(node, "referenceTaskIds"),
        Json.toMap(node.get("metadata")));
  }

  private Part readPart(JsonNode node) {
    Map<String, Object> metadata = Json.toMap(node.get("metadata"));
    String kind = Json.text(node, "kind");
    if ("data".equals(kind)) {
      return new DataPart(Json.toMap(node.get("data")), metadata);
    }
    if ("file".equals(kind)) {
      JsonNode file = Wire.requiredObject(node, "file", "file part");
      String name = Json.nonEmpty(file, "name");
      String type = Json.nonEmpty(file, "mimeType");
      String bytes = Json.text(file, "bytes");
      if (bytes != null) {
        return FilePart.ofBytes(name, type, decode(bytes), metadata);
      }
      URI uri = Wire.uri(Json.text(file, "uri"));
      if (uri == null) {
        throw new WireFormatException("file part has neither bytes nor uri");
      }
      return FilePart.ofUri(name, type, uri, metadata);
    }
    String text = Json.text(node, "text");
    return new TextPart(text == null ? "" : text, metadata);
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

  static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new WireFormatException("file bytes are not valid base64");
    }
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }
}
