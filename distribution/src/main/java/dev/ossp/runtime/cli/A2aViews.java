package dev.ossp.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.a2a.Artifact;
import dev.ossp.runtime.a2a.DataPart;
import dev.ossp.runtime.a2a.FilePart;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.Part;
import dev.ossp.runtime.a2a.SendResult;
import dev.ossp.runtime.a2a.StreamEvent;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.TaskArtifactUpdateEvent;
import dev.ossp.runtime.a2a.TaskState;
import dev.ossp.runtime.a2a.TaskStatusUpdateEvent;
import dev.ossp.runtime.a2a.TextPart;
import java.util.List;
import java.util.Locale;

/**
 * Prints A2A replies, tasks and stream events: as readable lines, where data parts appear as
 * indented JSON, or as JSON documents for {@code --json}.
 */
final class A2aViews {
  private A2aViews() {}

  /** Prints a direct reply or a task. */
  static void print(Output output, SendResult result, boolean json) {
    if (json) {
      output.json(toJson(result));
      return;
    }
    if (result instanceof Message message) {
      printParts(output, "", message.parts());
      return;
    }
    Task task = (Task) result;
    output.println("task " + task.id() + " " + stateName(task.state()));
    task.status()
        .statusMessage()
        .ifPresent(message -> output.println("  status: " + message.text()));
    for (Artifact artifact : task.artifacts()) {
      output.println("  artifact" + (artifact.name() == null ? "" : " " + artifact.name()) + ":");
      printParts(output, "    ", artifact.parts());
    }
  }

  /** Prints one event of a stream: one line, or one JSON line with {@code json}. */
  static void printEvent(Output output, StreamEvent event, boolean json) {
    if (event instanceof Message || event instanceof Task) {
      if (json) {
        output.println(toJson((SendResult) event).toString());
      } else {
        print(output, (SendResult) event, false);
      }
    } else if (event instanceof TaskStatusUpdateEvent update) {
      String state = stateName(update.status().state());
      output.println(
          json
              ? Output.JSON
                  .createObjectNode()
                  .put("kind", "status-update")
                  .put("taskId", update.taskId())
                  .put("state", state)
                  .put("final", update.finalEvent())
                  .toString()
              : "status " + state + (update.finalEvent() ? " (final)" : ""));
    } else if (event instanceof TaskArtifactUpdateEvent update) {
      if (json) {
        ObjectNode node = Output.JSON.createObjectNode();
        node.put("kind", "artifact-update");
        node.put("taskId", update.taskId());
        node.set("artifact", artifactJson(update.artifact()));
        output.println(node.toString());
      } else {
        output.println("artifact " + update.artifact().text());
      }
    }
  }

  /** Returns a reply or a task as JSON, with every part. */
  static ObjectNode toJson(SendResult result) {
    return result instanceof Message message ? messageJson(message) : taskJson((Task) result);
  }

  /** Returns the lower-case state name, such as {@code completed} or {@code input_required}. */
  static String stateName(TaskState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  private static void printParts(Output output, String indent, List<Part> parts) {
    for (Part part : parts) {
      if (part instanceof TextPart text) {
        text.text().lines().forEach(line -> output.println(indent + line));
      } else if (part instanceof DataPart data) {
        dataText(data).lines().forEach(line -> output.println(indent + line));
      } else if (part instanceof FilePart file) {
        output.println(indent + fileText(file));
      }
    }
  }

  private static String dataText(DataPart data) {
    try {
      return Output.JSON.writeValueAsString(data.data());
    } catch (JsonProcessingException e) {
      throw new CliException("cannot print a data part as JSON: " + e.getOriginalMessage());
    }
  }

  private static String fileText(FilePart file) {
    String where =
        file.uri()
            .map(Object::toString)
            .orElseGet(() -> file.bytes().map(bytes -> bytes.length + " bytes").orElse(""));
    return "file "
        + file.name().orElse("(no name)")
        + " "
        + file.mediaType().orElse("(no media type)")
        + " "
        + where;
  }

  private static ObjectNode messageJson(Message message) {
    ObjectNode node = Output.JSON.createObjectNode();
    node.put("kind", "message");
    node.put("messageId", message.messageId());
    node.put("role", message.role().name().toLowerCase(Locale.ROOT));
    node.put("text", message.text());
    node.set("parts", partsJson(message.parts()));
    return node;
  }

  private static ObjectNode taskJson(Task task) {
    ObjectNode node = Output.JSON.createObjectNode();
    node.put("kind", "task");
    node.put("id", task.id());
    node.put("contextId", task.contextId());
    node.put("state", stateName(task.state()));
    task.status().statusMessage().ifPresent(message -> node.put("statusMessage", message.text()));
    ArrayNode artifacts = node.putArray("artifacts");
    for (Artifact artifact : task.artifacts()) {
      artifacts.add(artifactJson(artifact));
    }
    ArrayNode history = node.putArray("history");
    for (Message message : task.history()) {
      history.add(messageJson(message));
    }
    return node;
  }

  private static ObjectNode artifactJson(Artifact artifact) {
    ObjectNode node = Output.JSON.createObjectNode();
    node.put("artifactId", artifact.artifactId());
    if (artifact.name() != null) {
      node.put("name", artifact.name());
    }
    node.put("text", artifact.text());
    node.set("parts", partsJson(artifact.parts()));
    return node;
  }

  private static ArrayNode partsJson(List<Part> parts) {
    ArrayNode array = Output.JSON.createArrayNode();
    for (Part part : parts) {
      ObjectNode node = array.addObject();
      if (part instanceof TextPart text) {
        node.put("kind", "text");
        node.put("text", text.text());
      } else if (part instanceof DataPart data) {
        node.put("kind", "data");
        node.set("data", Output.JSON.valueToTree(data.data()));
      } else if (part instanceof FilePart file) {
        node.put("kind", "file");
        file.name().ifPresent(name -> node.put("name", name));
        file.mediaType().ifPresent(type -> node.put("mediaType", type));
        file.uri().ifPresent(uri -> node.put("uri", uri.toString()));
        file.bytes().ifPresent(bytes -> node.put("size", bytes.length));
      }
    }
    return array;
  }
}
