package dev.ossp.runtime.a2a;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A page request of A2A v1.0 {@code ListTasks}.
 *
 * @param contextId only tasks of this conversation, or null for all
 * @param state only tasks in this state, or null for all
 * @param pageSize the page size, 1..1000, or null for the agent's default
 * @param pageToken the token of the previous page's {@link TaskPage#nextPageToken()}, or null
 * @param historyLength how many history messages each task carries, or null
 */
public record ListTasksRequest(
    @Nullable String contextId,
    @Nullable TaskState state,
    @Nullable Integer pageSize,
    @Nullable String pageToken,
    @Nullable Integer historyLength) {
  /** Checks the numbers. */
  public ListTasksRequest {
    if (pageSize != null && (pageSize < 1 || pageSize > 1000)) {
      throw new IllegalArgumentException("pageSize must be in 1..1000, was " + pageSize);
    }
    if (historyLength != null && historyLength < 0) {
      throw new IllegalArgumentException("historyLength must be >= 0, was " + historyLength);
    }
  }

  /** Returns the first page of {@code pageSize} tasks. */
  public static ListTasksRequest firstPage(int pageSize) {
    return new ListTasksRequest(null, null, pageSize, null, null);
  }

  /** Returns this request for the page after {@code token}. */
  public ListTasksRequest next(String token) {
    Objects.requireNonNull(token, "token");

    return new ListTasksRequest(contextId, state, pageSize, token, historyLength);
  }
}
