package dev.ossp.runtime.a2a;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where an agent should post a task's updates. {@link #toString()} never prints the token.
 *
 * @param taskId the task
 * @param id the configuration's id, or null to let the agent choose
 * @param url the URL the agent posts to
 * @param token a token the agent sends back with each post, or null
 */
public record PushNotificationConfig(
    String taskId, @Nullable String id, URI url, @Nullable String token) {
  /** Checks the parts. */
  public PushNotificationConfig {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(url, "url");
  }

  /** The configuration's id. */
  public Optional<String> configId() {
    return Optional.ofNullable(id);
  }

  @Override
  public String toString() {
    return "PushNotificationConfig[taskId="
        + taskId
        + ", id="
        + id
        + ", url="
        + url
        + ", token="
        + (token == null ? "none" : "****")
        + "]";
  }
}
