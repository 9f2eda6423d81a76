package dev.ossp.runtime.resilience;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a call again when it fails with a transient error, waiting between attempts.
 *
 * <p>One call makes at most {@link RetryConfig#maxAttempts()} attempts. It stops early when an
 * error is not retryable or matches the abort predicate (the error is thrown unchanged), when the
 * overall deadline leaves no room for the next wait, or when the retry budget refuses the retry.
 * When it gives up after a retryable failure it throws one {@link RetryExhaustedException} with the
 * true attempt count and the last failure as cause, or, with {@link
 * RetryConfig.OnExhaustion#RETHROW}, the last failure itself. When the last attempt returned a
 * result that asked for a retry, {@code RETHROW} returns that result.
 *
 * <p>Synchronous calls wait on the calling thread. An interrupt during the wait ends the call at
 * once with an {@link dev.ossp.runtime.error.OsspException} of kind {@code CANCELLED}, with the
 * thread's interrupt flag still set and no further attempt started. An {@link InterruptedException}
 * thrown by the call itself is never retried. Asynchronous calls schedule their attempts on the
 * policy's scheduler and never block.
 *
 * <p>Implementations are thread-safe. A call whose first attempt succeeds takes no lock and, with
 * no listeners, allocates nothing beyond what the call itself allocates.
 *
 * <p><b>Limitations.</b> A synchronous call cannot interrupt a running attempt, so the attempt
 * running when {@link RetryConfig#maxDuration()} passes may end after it; no attempt or wait starts
 * after the deadline. The asynchronous variant fails at the deadline itself.
 */
public interface RetryPolicy {
  /** The policy's name, usually the target it protects. */
  String name();

  /** The configuration in force. */
  RetryConfig config();

  /** Returns a snapshot of the policy's counts. */
  RetryMetrics metrics();

  /**
   * Replaces the configuration; calls already running keep the one they started with.
   *
   * @throws dev.ossp.runtime.config.ConfigException if the configuration names a backoff strategy
   *     that is not installed
   */
  void reconfigure(RetryConfig config);

  /**
   * Runs {@code callable}, retrying as configured, and returns its result.
   *
   * @throws RetryExhaustedException when the policy gave up in {@code WRAP} mode
   * @throws Exception the failure that was not retried, or the last one in {@code RETHROW} mode
   */
  <T> T executeCallable(Callable<T> callable) throws Exception;

  /**
   * Runs {@code supplier}, retrying as configured, and returns its result.
   *
   * @throws RetryExhaustedException when the policy gave up in {@code WRAP} mode
   */
  <T> T executeSupplier(Supplier<T> supplier);

  /**
   * Runs {@code supplier}, retrying as configured; when the call fails for good, returns what
   * {@code fallback} makes of the error the call would have thrown. An interrupt during a wait is
   * not passed to the fallback: it ends the call as described in the class documentation.
   */
  <T> T executeSupplier(Supplier<T> supplier, Function<? super Throwable, ? extends T> fallback);

  /** Runs {@code runnable}, retrying as configured. */
  void executeRunnable(Runnable runnable);

  /**
   * Starts the stage that {@code supplier} returns and starts it again, after the configured delay
   * on the policy's scheduler, when it fails with a retryable error. The returned stage completes
   * with the first success or with the error a synchronous call would throw. With a max duration,
   * the returned stage fails with a {@link RetryExhaustedException} at the deadline even if an
   * attempt is still running. Cancelling the returned stage's future stops further attempts.
   */
  <T> CompletionStage<T> executeCompletionStage(Supplier<? extends CompletionStage<T>> supplier);

  /** Adds a listener for this policy's events. */
  void addListener(RetryListener listener);

  /** Removes a listener added with {@link #addListener}. */
  void removeListener(RetryListener listener);

  /** Returns a callable that runs {@code callable} through this policy on each call. */
  default <T> Callable<T> decorateCallable(Callable<T> callable) {
    Objects.requireNonNull(callable, "callable");

    return () -> executeCallable(callable);
  }

  /** Returns a supplier that runs {@code supplier} through this policy on each call. */
  default <T> Supplier<T> decorateSupplier(Supplier<T> supplier) {
    Objects.requireNonNull(supplier, "supplier");

    return () -> executeSupplier(supplier);
  }

  /** Returns a runnable that runs {@code runnable} through this policy on each call. */
  default Runnable decorateRunnable(Runnable runnable) {
    Objects.requireNonNull(runnable, "runnable");

    return () -> executeRunnable(runnable);
  }

  /** Returns a supplier that starts the stage of {@code supplier} through this policy. */
  default <T> Supplier<CompletionStage<T>> decorateCompletionStage(
      Supplier<? extends CompletionStage<T>> supplier) {
    Objects.requireNonNull(supplier, "supplier");

    return () -> executeCompletionStage(supplier);
  }
}
