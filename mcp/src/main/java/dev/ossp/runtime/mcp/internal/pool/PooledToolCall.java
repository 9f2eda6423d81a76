package dev.ossp.runtime.mcp.internal.pool;

import dev.ossp.runtime.mcp.McpConnectionClosedException;
import dev.ossp.runtime.mcp.McpTool;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.client.DefaultMcpClient;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tool call through the pool. When the connection is lost before the response, the call is tried
 * again on a new connection, up to the attempt limit, but only if the caller allowed it or the tool
 * is annotated read-only or idempotent; the annotation is read from the tool list. Timeouts and
 * error responses are never retried, because the server may still be running the call. Cancelling
 * this future cancels the request in flight.
 */
final class PooledToolCall extends CompletableFuture<McpToolResult> {
  private static final Logger LOG = LoggerFactory.getLogger(PooledToolCall.class);

  private final DefaultMcpPool pool;
  private final String serverId;
  private final McpToolCall call;
  private final int maxAttempts;
  private volatile @Nullable CompletableFuture<McpToolResult> current;

  PooledToolCall(DefaultMcpPool pool, String serverId, McpToolCall call, int maxAttempts) {
    this.pool = pool;
    this.serverId = serverId;
    this.call = call;
    this.maxAttempts = maxAttempts;
  }

  PooledToolCall start() {
    attempt(1);
    return this;
  }

  private void attempt(int number) {
    pool.acquireClient(serverId)
        .whenComplete(
            (client, error) -> {
              if (error != null) {
                completeExceptionally(DefaultMcpPool.unwrap(error));
                return;
              }
              CompletableFuture<McpToolResult> request;
              try {
                request = client.callTool(call);
              } catch (RuntimeException e) {
                completeExceptionally(e);
                return;
              }
              current = request;
              if (isCancelled()) {
                request.cancel(true);
                return;
              }
              request.whenComplete(
                  (result, failure) -> {
                    if (failure == null) {
                      complete(result);
                    } else {
                      onFailure(client, number, DefaultMcpPool.unwrap(failure));
                    }
                  });
            });
  }

  private void onFailure(DefaultMcpClient client, int number, Throwable failure) {
    if (isDone()) {
      return;
    }
    if (number >= maxAttempts || !(failure instanceof McpConnectionClosedException)) {
      completeExceptionally(failure);
      return;
    }
    safeToRetry(client)
        .whenComplete(
            (safe, error) -> {
              if (Boolean.TRUE.equals(safe)) {
                LOG.info(
                    "retrying tool '{}' on MCP server '{}' (attempt {} of {}) after: {}",
                    call.name(),
                    serverId,
                    number + 1,
                    maxAttempts,
                    failure.getMessage());
                attempt(number + 1);
              } else {
                completeExceptionally(failure);
              }
            });
  }

  private CompletableFuture<Boolean> safeToRetry(DefaultMcpClient client) {
    if (call.retryOnFailure()) {
      return CompletableFuture.completedFuture(true);
    }
    McpTool known = client.cachedTool(call.name());
    if (known != null) {
      return CompletableFuture.completedFuture(known.safeToRetry());
    }
    return pool.acquireClient(serverId)
        .thenCompose(DefaultMcpClient::listTools)
        .thenApply(
            tools ->
                tools.stream()
                    .anyMatch(tool -> tool.name().equals(call.name()) && tool.safeToRetry()))
        .exceptionally(error -> false);
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    CompletableFuture<McpToolResult> request = current;
    if (request != null) {
      request.cancel(mayInterruptIfRunning);
    }
    return super.cancel(mayInterruptIfRunning);
  }
}
