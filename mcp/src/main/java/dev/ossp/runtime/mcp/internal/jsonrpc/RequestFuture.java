package dev.ossp.runtime.mcp.internal.jsonrpc;

import java.util.concurrent.CompletableFuture;

/**
 * The future of one request. Cancelling it ({@code cancel(true)} or {@code cancel(false)}) sends
 * {@code notifications/cancelled} to the server and forgets the request; futures derived from it
 * are plain {@link CompletableFuture}s and cancel nothing on the server.
 *
 * @param <T> the result type
 */
public final class RequestFuture<T> extends CompletableFuture<T> {
  private final JsonRpcSession session;
  private final long id;

  RequestFuture(JsonRpcSession session, long id) {
    this.session = session;
    this.id = id;
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
  public boolean cancel(boolean mayInterruptIfRunning) {
    session.abandon(id, "cancelled by the caller", null);
    return super.cancel(mayInterruptIfRunning);
  }
}
