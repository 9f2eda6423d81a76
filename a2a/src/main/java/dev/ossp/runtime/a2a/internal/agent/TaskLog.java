package dev.ossp.runtime.a2a.internal.agent;

import dev.ossp.runtime.a2a.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node agent's finished tasks, newest last, at most {@code capacity}; the oldest are dropped
 * first. Thread-safe through one lock: the node agent's calls are few and short.
 */
final class TaskLog {
  private final int capacity;
  private final LinkedHashMap<String, Task> tasks = new LinkedHashMap<>();

  TaskLog(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(Task task) {
    tasks.put(task.id(), task);
    while (tasks.size() > capacity) {
      String eldest = tasks.keySet().iterator().next();
      tasks.remove(eldest);
    }
  }

  synchronized Optional<Task> find(String id) {
    return Optional.ofNullable(tasks.get(id));
  }

  /** Returns the tasks newest first, optionally of one conversation. */
  synchronized List<Task> newestFirst(String contextId) {
    List<Task> result = new ArrayList<>();
    for (Map.Entry<String, Task> entry : tasks.entrySet()) {
      if (contextId == null
          || contextId.isEmpty()
          || entry.getValue().contextId().equals(contextId)) {
        result.add(0, entry.getValue());
      }
    }
    return result;
  }
}
