package dev.ossp.runtime.a2a.internal.protocol;

/** The A2A JSON-RPC operations, with their method names in each generation. */
public enum Operation {
  /** Sends a message. */
  SEND("message/send", "SendMessage", false),
  /** Sends a message and streams the events. */
  STREAM("message/stream", "SendStreamingMessage", false),
  /** Reads a task. */
  GET_TASK("tasks/get", "GetTask", true),
  /** Lists tasks; v1.0 only. */
  LIST_TASKS("", "ListTasks", true),
  /** Cancels a task. */
  CANCEL_TASK("tasks/cancel", "CancelTask", false),
  /** Streams a running task's events again. */
  RESUBSCRIBE("tasks/resubscribe", "SubscribeToTask", true),
  /** Sets a push notification configuration. */
  SET_PUSH_CONFIG("tasks/pushNotificationConfig/set", "CreateTaskPushNotificationConfig", false),
  /** Reads a push notification configuration. */
  GET_PUSH_CONFIG("tasks/pushNotificationConfig/get", "GetTaskPushNotificationConfig", true),
  /** Lists push notification configurations. */
  LIST_PUSH_CONFIGS("tasks/pushNotificationConfig/list", "ListTaskPushNotificationConfigs", true),
  /** Deletes a push notification configuration. */
  DELETE_PUSH_CONFIG(
      "tasks/pushNotificationConfig/delete", "DeleteTaskPushNotificationConfig", true),
  /** Reads the authenticated extended card. */
  EXTENDED_CARD("agent/getAuthenticatedExtendedCard", "GetExtendedAgentCard", true);

  private final String v03Method;
  private final String v10Method;
  private final boolean idempotent;

  Operation(String v03Method, String v10Method, boolean idempotent) {
    this.v03Method = v03Method;
    this.v10Method = v10Method;
    this.idempotent = idempotent;
  }

  /** The v0.3 method name; empty when v0.3 has no such method. */
  public String v03Method() {
    return v03Method;
  }

  /** The v1.0 method name. */
  public String v10Method() {
    return v10Method;
  }

  /** Whether repeating the call has no further effect, so it is retried like a GET. */
  public boolean idempotent() {
    return idempotent;
  }
}
