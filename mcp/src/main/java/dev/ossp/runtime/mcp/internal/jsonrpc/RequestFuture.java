package dev.ossp.runtime.mcp.internal.jsonrpc;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The future of one request. Cancelling it ({@code cancel(true)} or {@code cancel(false)}) sends
 * {@code notifications/cancelled} to the server and forgets the request; futures derived from it
 * are plain {@link CompletableFuture}s and cancel nothing on the server.
 *
 * @param <T> the result type
 */
public final class RequestFuture<T> extends CompletableFuture<T> {
  private static final Logger LOG = LoggerFactory.getLogger(RequestFuture.class);

  private final JsonRpcSession session;
  private final long id;
  private final @Nullable CompletionListener listener;
  private final long startNanos;

  RequestFuture(JsonRpcSession session, long id, @Nullable CompletionListener listener) {
    this.session = session;
    this.id = id;
    this.listener = listener;
    this.startNanos = listener == null ? 0 : System.nanoTime();
  }

  /** The request id. */
  public long id() {
    return id;
  }

  /** The session that sent the request. */
  JsonRpcSession session() {
    return session;
  }

  @Override
  public boolean complete(T value) {
    boolean completed = super.complete(value);
    if (completed) {
      completed(value, null);
    }
    return completed;
  }

  @Override
  public boolean completeExceptionally(Throwable error) {
    boolean completed = super.completeExceptionally(error);
    if (completed) {
      completed(null, error);
    }
    return completed;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    session.abandon(id, "cancelled by the caller", null);
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      completed(null, new CancellationException());
    }
    return cancelled;
  }

  private void completed(@Nullable T value, @Nullable Throwable error) {
    CompletionListener current = listener;
    if (current == null) {
      return;
    }
    try {
      current.onCompleted(startNanos, value, error);
    } catch (RuntimeException e) {
      LOG.warn("a completion listener of request {} failed", id, e);
    }
  }
}
