package dev.ossp.runtime.mcp.internal.jsonrpc;

import org.jspecify.annotations.Nullable;

/**
 * Hears that a {@link RequestFuture} completed, on the completing thread, without the per-request
 * objects a {@code whenComplete} stage costs.
 */
@FunctionalInterface
public interface CompletionListener {
  /**
   * Called once, right after the future completed.
   *
   * @param startNanos the {@link System#nanoTime()} at which the request was created
   * @param result the result, or null on failure
   * @param error the failure, a {@link java.util.concurrent.CancellationException} if the future
   *     was cancelled, or null on success
   */
  void onCompleted(long startNanos, @Nullable Object result, @Nullable Throwable error);
}
