package dev.ossp.runtime.a2a;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of {@code ListTasks}.
 *
 * @param tasks the tasks on the page
 * @param nextPageToken the token for the next page, or null (or empty) on the last page
 */
public record TaskPage(List<Task> tasks, @Nullable String nextPageToken) {
  /** Copies the tasks. */
  public TaskPage {
    tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
  }

  /** The token for the next page, when there is one. */
  public Optional<String> next() {
    return nextPageToken == null || nextPageToken.isEmpty()
        ? Optional.empty()
        : Optional.of(nextPageToken);
  }
}
