package dev.ossp.runtime.mcp.internal.jsonrpc;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The future of one request. Cancelling it ({@code cancel(true)} or {@code cancel(false)}) sends
 * {@code notifications/cancelled} to the server and forgets the request; futures derived from it
 * are plain {@link CompletableFuture}s and cancel nothing on the server.
 *
 * <p>A caller that blocks in {@code get} or {@code join} on a request that was its session's only
 * one when it was sent, and still is, first spins for up to {@link #SPIN_NANOS}, then parks as a
 * plain future does. The response is completed on the transport's reader thread, and a parked
 * caller costs one more thread wake-up per call, which was about a fifth of a stdio round trip in
 * the benchmarks. Otherwise (requests sent together, or one CPU) the caller parks at once and
 * leaves the CPU to the reader thread: spinning on the last of 16 pipelined requests cost up to a
 * fifth of their throughput on 2 cores.
 *
 * @param <T> the result type
 */
public final class RequestFuture<T> extends CompletableFuture<T> {
  private static final Logger LOG = LoggerFactory.getLogger(RequestFuture.class);

  /** How long a blocked caller spins before it parks: zero with one CPU, else 50 µs. */
  static final long SPIN_NANOS =
      Runtime.getRuntime().availableProcessors() > 1 ? TimeUnit.MICROSECONDS.toNanos(50) : 0;

  private final JsonRpcSession session;
  private final long id;
  private final @Nullable CompletionListener listener;
  private final long startNanos;

  /** Whether no other request of the session was in flight when this one was created. */
  private final boolean sentAlone;

  RequestFuture(JsonRpcSession session, long id, @Nullable CompletionListener listener) {
    this.session = session;
    this.sentAlone = SPIN_NANOS > 0 && session.inFlight() == 0;
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
  public T get() throws InterruptedException, ExecutionException {
    spinUntilDone();
    return super.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    spinUntilDone();
    return super.get(timeout, unit);
  }

  @Override
  public T join() {
    spinUntilDone();
    return super.join();
  }

  /** Spins until the future is done or {@link #SPIN_NANOS} have passed, unless others wait. */
  private void spinUntilDone() {
    if (!sentAlone || isDone() || session.inFlight() > 1) {
      return;
    }
    long start = System.nanoTime();
    while (!isDone() && System.nanoTime() - start < SPIN_NANOS) {
      Thread.onSpinWait();
    }
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
