package dev.ossp.runtime.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * One initialized connection to an MCP server, over stdio or Streamable HTTP. Any number of
 * requests may be in flight at once; responses are matched by id in whatever order they come.
 *
 * <p>Every request has a timeout (the spec's request timeout unless the call sets one). When it
 * passes, or the caller cancels, the client sends {@code notifications/cancelled} with the request
 * id and a reason, forgets the request and ignores a late response. Cancel a request by cancelling
 * the future a method returns ({@code future.cancel(true)}), or with a reason through {@link
 * #cancel(Future, String)}; a future derived from it with {@code thenApply} and the like does not
 * cancel the request.
 *
 * <p>Futures complete on the connection's reader thread, so a callback attached with {@code
 * thenApply} or {@code whenComplete} runs there and must not block; use the {@code *Async} variants
 * for slow work. Failures are {@link McpException}s: {@link McpJsonRpcException}, {@link
 * McpTimeoutException}, {@link McpCancelledException}, {@link McpConnectionClosedException}, {@link
 * McpProtocolException} and {@link McpMessageTooLargeException}.
 *
 * <p>Implementations are thread-safe.
 */
public interface McpClient extends AutoCloseable {
  /** The id of the server this connection talks to. */
  String serverId();

  /** The spec the connection was made from. */
  McpServerSpec spec();

  /** What the server said in its {@code initialize} answer. */
  McpServerInfo serverInfo();

  /** A snapshot of the connection's state. */
  McpConnectionState state();

  /** Returns whether requests are accepted; false once the connection closed. */
  boolean isConnected();

  /**
   * Lists the server's tools, following {@code nextCursor} through every page. The list is cached
   * until the server sends {@code notifications/tools/list_changed}.
   */
  CompletableFuture<List<McpTool>> listTools();

  /**
   * Calls a tool. A tool that fails answers with {@link McpToolResult#isError()} true; JSON-RPC
   * errors, timeouts and lost connections fail the future. A connection never retries a call.
   */
  CompletableFuture<McpToolResult> callTool(McpToolCall call);

  /** Calls tool {@code name} with arguments given as a JSON object. */
  default CompletableFuture<McpToolResult> callTool(String name, String argumentsJson) {
    return callTool(McpToolCall.of(name, argumentsJson));
  }

  /** Lists the server's resources through every page. */
  CompletableFuture<List<McpResource>> listResources();

  /** Lists the server's resource templates through every page. */
  CompletableFuture<List<McpResourceTemplate>> listResourceTemplates();

  /** Reads a resource; a resource may have several contents, such as a directory's files. */
  CompletableFuture<List<McpResourceContents>> readResource(String uri);

  /** Subscribes to updates of a resource, announced to {@link McpNotificationListener}s. */
  CompletableFuture<Void> subscribeResource(String uri);

  /** Ends a subscription made with {@link #subscribeResource}. */
  CompletableFuture<Void> unsubscribeResource(String uri);

  /** Lists the server's prompts through every page. */
  CompletableFuture<List<McpPrompt>> listPrompts();

  /** Gets a prompt with its arguments filled in. */
  CompletableFuture<McpPromptResult> getPrompt(String name, Map<String, String> arguments);

  /** Asks the server to complete an argument of a prompt or resource template. */
  CompletableFuture<McpCompletion> complete(McpCompletionRequest request);

  /** Sets the minimum level of the log messages the server sends. */
  CompletableFuture<Void> setLoggingLevel(McpLogLevel level);

  /** Sends {@code ping} and returns the round-trip time. */
  CompletableFuture<Duration> ping();

  /**
   * Sends any request this interface does not type, such as {@code tasks/get}.
   *
   * @param paramsJson the params as a JSON object
   * @return the result as JSON
   */
  CompletableFuture<String> request(String method, String paramsJson);

  /**
   * Returns a view of this connection whose requests use {@code timeout} by default. The view
   * shares the connection; closing either closes both.
   *
   * @throws IllegalArgumentException unless the timeout is in 1 ms..24 h
   */
  McpClient withRequestTimeout(Duration timeout);

  /**
   * Cancels a request of this connection with a reason: sends {@code notifications/cancelled} and
   * fails the future with {@link McpCancelledException}.
   *
   * @param request a future returned by this connection
   * @return false if the request was already completed, failed or cancelled, or is not from this
   *     connection
   */
  boolean cancel(Future<?> request, String reason);

  /** Returns a future that completes when the connection has closed, for whatever reason. */
  CompletableFuture<Void> whenClosed();

  /**
   * Closes the connection: fails every pending request with {@link McpConnectionClosedException},
   * and for stdio closes the server's stdin, waits the spec's close grace period for it to exit,
   * then terminates it and every descendant process, then kills what is left. Returns within the
   * grace period plus one second. Calling it again does nothing.
   */
  @Override
  void close();
}
