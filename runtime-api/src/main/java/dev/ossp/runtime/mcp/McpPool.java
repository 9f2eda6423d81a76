package dev.ossp.runtime.mcp;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Connections to registered MCP servers, keyed by server id: opened on demand and reused, closed
 * after an idle timeout or to make room (least recently used first, never one with requests in
 * flight), checked with {@code ping} on a schedule, and reopened after a crash with backoff behind
 * a per-server circuit breaker, so a crash-looping server is not restarted in a tight loop. One
 * process serves concurrent requests, so the default limit is one connection per server.
 *
 * <p>A client from {@link #acquire} stays usable until the pool closes it; acquire again for each
 * unit of work instead of keeping it. Implementations are thread-safe.
 */
public interface McpPool extends AutoCloseable {
  /**
   * Registers a server with default client options, replacing an earlier spec of the same id (open
   * connections of the old spec are closed).
   */
  default void register(McpServerSpec spec) {
    register(spec, McpClientOptions.defaults());
  }

  /** Registers a server with the handlers and listeners in {@code options}. */
  void register(McpServerSpec spec, McpClientOptions options);

  /** Removes a server and closes its connections; returns false if it was not registered. */
  boolean unregister(String serverId);

  /** The ids of the registered servers. */
  Set<String> serverIds();

  /** The spec registered for {@code serverId}. */
  Optional<McpServerSpec> spec(String serverId);

  /**
   * Returns an open connection to the server, opening one if needed. Fails with {@link
   * dev.ossp.runtime.error.CircuitOpenException} while the server's breaker is open, and with
   * {@link IllegalArgumentException} for an unknown id.
   */
  CompletableFuture<McpClient> acquire(String serverId);

  /**
   * Acquires a connection and calls a tool. After a timeout or a lost connection the call is
   * retried on a new connection only when the tool is annotated read-only or idempotent, or the
   * call allows it with {@link McpToolCall.Builder#retryOnFailure(boolean)}.
   */
  CompletableFuture<McpToolResult> callTool(String serverId, McpToolCall call);

  /** Snapshots of every open connection. */
  List<McpConnectionState> connections();

  /** The pool's counters and gauges. */
  McpPoolStats stats();

  /** Closes every connection, each within its close bound, and rejects further use. */
  @Override
  void close();
}
