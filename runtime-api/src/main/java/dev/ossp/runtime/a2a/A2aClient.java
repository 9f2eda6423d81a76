package dev.ossp.runtime.a2a;

import java.util.List;

/**
 * Speaks the A2A protocol over JSON-RPC with agents of both generations, v0.3 and v1.0, through the
 * {@link AgentHttpClient}'s pool, timeouts, auth, breakers and retries.
 *
 * <h2>Choosing the protocol</h2>
 *
 * <p>For a URN, base URL or card URL target the client reads the agent card and takes its first
 * JSON-RPC interface of the preferred generation: v1.0 when the card offers it, else v0.3, unless
 * {@code a2a.targets.<name>.protocol} fixes one. When the connection to an interface fails, the
 * next one is tried.
 *
 * <h2>Card resolution</h2>
 *
 * <p>The card is fetched from {@code /.well-known/agent-card.json} below the base URL, and from the
 * legacy {@code /.well-known/agent.json} only after a 404 there; an explicit card URL is used as
 * given. A URN target uses the card registered in discovery. Fetched cards are cached as their
 * {@code Cache-Control} allows; a failed fetch throws and never yields a placeholder card.
 *
 * <h2>Retries</h2>
 *
 * <p>Read methods ({@code tasks/get}, {@code GetTask}, {@code ListTasks}, push-config reads, the
 * extended card) are idempotent and retried like a GET. Sending a message and cancelling a task are
 * retried only when the request provably never reached the agent, as {@link AgentHttpClient}
 * describes. {@code tasks/cancel} has its own timeout ({@code a2a.cancel-timeout}), because agents
 * may reply only after the task's executor stopped.
 *
 * <p>Every method throws {@link dev.ossp.runtime.error.OsspException}; a JSON-RPC error is an
 * {@link A2aJsonRpcException}. Implementations are thread-safe.
 */
public interface A2aClient {
  /** Returns the agent's card. */
  AgentCard card(A2aTarget target);

  /** Returns the protocol generation the client speaks with {@code target}. */
  A2aProtocol protocol(A2aTarget target);

  /** Sends {@code message} and returns the agent's reply: a direct message or a task. */
  SendResult sendMessage(A2aTarget target, Message message, SendOptions options);

  /** Sends {@code message} and streams the agent's events. */
  A2aStream streamMessage(A2aTarget target, Message message, SendOptions options);

  /**
   * Returns the task {@code taskId}.
   *
   * @param historyLength how many history messages to include, or null for the agent's default
   */
  Task getTask(
      A2aTarget target, String taskId, @org.jspecify.annotations.Nullable Integer historyLength);

  /**
   * Lists tasks. v1.0 only: for an agent spoken to in v0.3 the call fails before sending with an
   * {@link dev.ossp.runtime.error.OsspException} of kind {@code PROTOCOL}.
   */
  TaskPage listTasks(A2aTarget target, ListTasksRequest request);

  /** Asks the agent to cancel the task and returns the task the agent returns. */
  Task cancelTask(A2aTarget target, String taskId);

  /**
   * Streams the events of a running task again, for example after {@link
   * A2aStream.End#INTERRUPTED}.
   */
  A2aStream resubscribe(A2aTarget target, String taskId);

  /** Sets the push notification configuration of a task and returns it as the agent stored it. */
  PushNotificationConfig setPushNotificationConfig(A2aTarget target, PushNotificationConfig config);

  /** Returns a push notification configuration of a task. */
  PushNotificationConfig getPushNotificationConfig(
      A2aTarget target, String taskId, @org.jspecify.annotations.Nullable String configId);

  /** Lists the push notification configurations of a task. */
  List<PushNotificationConfig> listPushNotificationConfigs(A2aTarget target, String taskId);

  /** Deletes a push notification configuration of a task. */
  void deletePushNotificationConfig(A2aTarget target, String taskId, String configId);

  /** Returns the card the agent shows to authenticated clients. */
  AgentCard extendedCard(A2aTarget target);
}
