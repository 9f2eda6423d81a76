package dev.ossp.runtime.a2a.internal.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.a2a.A2aProtocol;
import dev.ossp.runtime.a2a.Artifact;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.Part;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.internal.protocol.Dialect;
import dev.ossp.runtime.a2a.internal.protocol.Json;
import dev.ossp.runtime.a2a.internal.protocol.V03Dialect;
import dev.ossp.runtime.a2a.internal.protocol.V10Dialect;

/** Writes tasks in either dialect's shape. */
final class TaskJson {
  private TaskJson() {}

  static ObjectNode write(Dialect dialect, Task task) {
    boolean v03 = dialect.protocol() == A2aProtocol.V0_3;
    ObjectNode node = Json.object();
    if (v03) {
      node.put("kind", "task");
    }
    node.put("id", task.id());
    node.put("contextId", task.contextId());
    ObjectNode status = node.putObject("status");
    status.put("state", v03 ? task.state().v03Name() : task.state().v10Name());
    if (task.status().timestamp() != null) {
      status.put("timestamp", task.status().timestamp().toString());
    }
    task.status()
        .statusMessage()
        .ifPresent(message -> status.set("message", dialect.message(message)));
    ArrayNode artifacts = node.putArray("artifacts");
    for (Artifact artifact : task.artifacts()) {
      ObjectNode written = artifacts.addObject();
      written.put("artifactId", artifact.artifactId());
      if (artifact.name() != null) {
        written.put("name", artifact.name());
      }
      if (artifact.description() != null) {
        written.put("description", artifact.description());
      }
      ArrayNode parts = written.putArray("parts");
      for (Part part : artifact.parts()) {
        parts.add(v03 ? V03Dialect.INSTANCE.part(part) : V10Dialect.INSTANCE.part(part));
      }
    }
    ArrayNode history = node.putArray("history");
    for (Message message : task.history()) {
      history.add(dialect.message(message));
    }
    return node;
  }
}
