package dev.ossp.runtime.a2a.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.a2a.A2aProtocol;
import dev.ossp.runtime.a2a.ListTasksRequest;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.PushNotificationConfig;
import dev.ossp.runtime.a2a.SendOptions;
import dev.ossp.runtime.a2a.SendResult;
import dev.ossp.runtime.a2a.StreamEvent;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.TaskPage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One A2A generation's JSON shapes: how requests are written and results read. Implementations are
 * stateless and thread-safe. Reading is lenient about missing optional fields and strict about the
 * ones the model needs; a result that lacks one throws {@link WireFormatException}.
 */
public interface Dialect {
  /** The generation. */
  A2aProtocol protocol();

  /** Returns the method name of {@code operation}, or empty when the generation lacks it. */
  String method(Operation operation);

  /** Returns the params of a send or stream call. */
  ObjectNode sendParams(Message message, SendOptions options);

  /** Reads a message, such as the {@code message} of a send request. */
  Message readMessage(JsonNode node);

  /** Writes a message. */
  ObjectNode message(Message message);

  /** Reads the result of a send call. */
  SendResult sendResult(JsonNode result);

  /** Reads a task. */
  Task task(JsonNode node);

  /** Reads one stream event's result. */
  StreamEvent event(JsonNode result);

  /** Returns the params that name a task: {@code {"id": ..., "historyLength": ...}}. */
  ObjectNode taskParams(String taskId, @Nullable Integer historyLength);

  /** Returns the params of a list call. */
  ObjectNode listParams(ListTasksRequest request);

  /** Reads a page of a list call. */
  TaskPage page(JsonNode result);

  /** Returns the params that set a push configuration. */
  ObjectNode setPushParams(PushNotificationConfig config);

  /** Returns the params that name one push configuration of a task. */
  ObjectNode pushParams(String taskId, @Nullable String configId);

  /** Reads one push configuration. */
  PushNotificationConfig pushConfig(JsonNode node);

  /** Reads the result of a push configuration list. */
  List<PushNotificationConfig> pushConfigs(JsonNode result);
}
