package dev.ossp.runtime.mcp;

/**
 * Receives notifications from servers. Every method has an empty default, so a listener overrides
 * only what it needs. Progress of a single call goes to that call's {@link McpProgressListener} as
 * well as to {@link #onProgress}.
 *
 * <p>Methods are called on the connection's reader thread, in the order the server sent the
 * notifications, so they must return quickly and never block on a request to the same server. An
 * exception a method throws is logged at WARN and ignored.
 */
public interface McpNotificationListener {
  /** Called for {@code notifications/progress}. */
  default void onProgress(String serverId, McpProgress progress) {}

  /** Called for {@code notifications/message}. */
  default void onLogMessage(McpLogMessage message) {}

  /** Called for {@code notifications/resources/updated} on a subscribed resource. */
  default void onResourceUpdated(String serverId, String uri) {}

  /** Called for {@code notifications/tools|resources|prompts/list_changed}. */
  default void onListChanged(String serverId, McpListKind kind) {}

  /**
   * Called for every other notification, such as {@code notifications/cancelled} or methods newer
   * than this client.
   *
   * @param paramsJson the notification's params as JSON, {@code {}} when absent
   */
  default void onOtherNotification(String serverId, String method, String paramsJson) {}
}
