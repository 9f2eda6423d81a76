package dev.ossp.runtime.resilience;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A circuit breaker: it admits calls to one target while the target is healthy and rejects them
 * fast while it is not, so a failing dependency gets time to recover.
 *
 * <h2>States</h2>
 *
 * <ul>
 *   <li>{@link State#CLOSED}: every call is admitted and its outcome recorded. The breaker opens
 *       after {@link CircuitBreakerConfig#failureThreshold()} consecutive failures, or when the
 *       failure rate or slow-call rate over the sliding window reaches its threshold once the
 *       window holds {@link CircuitBreakerConfig#minimumNumberOfCalls()} calls.
 *   <li>{@link State#OPEN}: calls are rejected with {@link
 *       dev.ossp.runtime.error.CircuitOpenException} until the open duration has passed; the next
 *       call then moves the breaker to HALF_OPEN (or a scheduler does, when {@link
 *       CircuitBreakerConfig#automaticTransition()} is on).
 *   <li>{@link State#HALF_OPEN}: at most {@link CircuitBreakerConfig#permittedCallsInHalfOpen()}
 *       probes run at a time. {@link CircuitBreakerConfig#successThreshold()} successful probes
 *       close the breaker, any failed probe opens it again, and probes that do not finish within
 *       {@link CircuitBreakerConfig#maxWaitInHalfOpen()} open it again too.
 *   <li>{@link State#FORCED_OPEN}, {@link State#DISABLED} and {@link State#METRICS_ONLY}: operator
 *       states that reject everything, admit everything without recording, or admit and record
 *       everything without ever opening. Only an explicit {@code transitionTo...} call or {@link
 *       #reset()} leaves them.
 * </ul>
 *
 * <p>Rejected calls are counted as "not permitted", never as failures.
 *
 * <h2>Two ways to use it</h2>
 *
 * <p>The decorators ({@link #executeSupplier}, {@link #executeCallable}, {@link #executeRunnable},
 * {@link #executeCompletionStage} and the {@code decorate...} variants) acquire a permission, time
 * the call, classify its outcome and record it. Clients that run their own asynchronous I/O use the
 * permit API instead: call {@link #tryAcquirePermission()}, and when it returns true report exactly
 * one of {@link #onSuccess}, {@link #onError}, {@link #onResult} or {@link #releasePermission()}.
 *
 * <p>Implementations are thread-safe. In the CLOSED state with no listeners, a protected call takes
 * no lock and allocates nothing.
 *
 * <p><b>Limitations.</b> The permit API carries no token, so an outcome is recorded against the
 * state the breaker is in when it is reported. A probe that reports after its HALF_OPEN period
 * ended is ignored, but one that reports during a later HALF_OPEN period counts there. The
 * decorators remember the period that admitted each call and have no such gap.
 */
public interface CircuitBreaker {
  /** The states of a breaker. */
  enum State {
    /** Calls are admitted and recorded. */
    CLOSED(true),
    /** Calls are rejected until the open duration has passed. */
    OPEN(false),
    /** A limited number of probe calls are admitted to test the target. */
    HALF_OPEN(true),
    /** An operator opened the breaker; it rejects every call until another transition. */
    FORCED_OPEN(false),
    /** An operator disabled the breaker; it admits every call and records nothing. */
    DISABLED(true),
    /**
     * Calls are admitted and recorded, and thresholds are reported, but the breaker never opens.
     */
    METRICS_ONLY(true);

    private final boolean admitsCalls;

    State(boolean admitsCalls) {
      this.admitsCalls = admitsCalls;
    }

    /**
     * Returns whether the state admits calls at all; HALF_OPEN admits only a limited number of
     * probes.
     */
    public boolean admitsCalls() {
      return admitsCalls;
    }
  }

  /** The breaker's name, usually the target it protects, such as an agent URN. */
  String name();

  /** The configuration in force. */
  CircuitBreakerConfig config();

  /** The current state. An OPEN breaker whose wait has passed reports OPEN until the next call. */
  State state();

  /** Returns a consistent snapshot of the breaker's counts and rates. */
  CircuitBreakerMetrics metrics();

  // ---- Permit API ----------------------------------------------------------------------------

  /**
   * Asks to run one call. Returns false, counts the call as not permitted and notifies listeners
   * when the breaker rejects it. A true result obliges the caller to report the outcome once with
   * {@link #onSuccess}, {@link #onError}, {@link #onResult} or {@link #releasePermission()}.
   *
   * <p>This method may move an OPEN breaker whose wait has passed to HALF_OPEN.
   */
  boolean tryAcquirePermission();

  /**
   * Like {@link #tryAcquirePermission()}, but throws when the call is rejected.
   *
   * @throws dev.ossp.runtime.error.CircuitOpenException naming the breaker and the time until the
   *     next probe
   */
  void acquirePermission();

  /**
   * Returns a permission acquired with {@link #tryAcquirePermission()} without recording an
   * outcome, for a call that was never made or whose outcome should not count.
   */
  void releasePermission();

  /**
   * Records a successful call.
   *
   * @param duration how long the call took; compared with {@link
   *     CircuitBreakerConfig#slowCallDurationThreshold()}
   */
  void onSuccess(Duration duration);

  /**
   * Records a failed call. The error is classified by the configured ignore and record rules: an
   * ignored error releases the permission without recording anything.
   *
   * @param duration how long the call took
   * @param error what the call threw; {@link java.util.concurrent.CompletionException} and {@link
   *     java.util.concurrent.ExecutionException} are unwrapped before classification
   */
  void onError(Duration duration, Throwable error);

  /**
   * Records a call that returned {@code result}: a failure when {@link
   * CircuitBreakerConfig#recordResult()} matches it, otherwise a success.
   */
  void onResult(Duration duration, @Nullable Object result);

  // ---- Decorators ----------------------------------------------------------------------------

  /**
   * Runs {@code supplier} through the breaker and returns its result.
   *
   * @throws dev.ossp.runtime.error.CircuitOpenException when the breaker rejects the call
   */
  <T> T executeSupplier(Supplier<T> supplier);

  /**
   * Runs {@code callable} through the breaker and returns its result.
   *
   * @throws dev.ossp.runtime.error.CircuitOpenException when the breaker rejects the call
   * @throws Exception whatever {@code callable} throws, unchanged
   */
  <T> T executeCallable(Callable<T> callable) throws Exception;

  /**
   * Runs {@code runnable} through the breaker.
   *
   * @throws dev.ossp.runtime.error.CircuitOpenException when the breaker rejects the call
   */
  void executeRunnable(Runnable runnable);

  /**
   * Starts the stage that {@code supplier} returns through the breaker and records its outcome when
   * it completes. A rejected call returns a stage failed with {@link
   * dev.ossp.runtime.error.CircuitOpenException} and never calls {@code supplier}. A stage that
   * fails with a {@link java.util.concurrent.CompletionException} makes the returned stage fail
   * with its cause.
   */
  <T> CompletionStage<T> executeCompletionStage(Supplier<? extends CompletionStage<T>> supplier);

  /** Returns a supplier that runs {@code supplier} through this breaker on each call. */
  default <T> Supplier<T> decorateSupplier(Supplier<T> supplier) {
    java.util.Objects.requireNonNull(supplier, "supplier");

    return () -> executeSupplier(supplier);
  }

  /** Returns a callable that runs {@code callable} through this breaker on each call. */
  default <T> Callable<T> decorateCallable(Callable<T> callable) {
    java.util.Objects.requireNonNull(callable, "callable");

    return () -> executeCallable(callable);
  }

  /** Returns a runnable that runs {@code runnable} through this breaker on each call. */
  default Runnable decorateRunnable(Runnable runnable) {
    java.util.Objects.requireNonNull(runnable, "runnable");

    return () -> executeRunnable(runnable);
  }

  /** Returns a supplier that starts the stage of {@code supplier} through this breaker. */
  default <T> Supplier<CompletionStage<T>> decorateCompletionStage(
      Supplier<? extends CompletionStage<T>> supplier) {
    java.util.Objects.requireNonNull(supplier, "supplier");

    return () -> executeCompletionStage(supplier);
  }

  // ---- Operator control ----------------------------------------------------------------------

  /**
   * Replaces the configuration while keeping the state and the recorded outcomes. A CLOSED breaker
   * stays CLOSED with its window, resized to the new window size with the most recent calls kept.
   * An OPEN breaker keeps its wait, and a HALF_OPEN breaker keeps its probes. New thresholds apply
   * from the next recorded outcome.
   */
  void reconfigure(CircuitBreakerConfig config);

  /** Moves to CLOSED with an empty window. */
  void transitionToClosed();

  /** Moves to OPEN, waiting the open duration for the next consecutive opening. */
  void transitionToOpen();

  /** Moves to HALF_OPEN, admitting probes at once. */
  void transitionToHalfOpen();

  /** Moves to FORCED_OPEN: every call is rejected until another transition. */
  void transitionToForcedOpen();

  /** Moves to DISABLED: every call is admitted and nothing is recorded. */
  void transitionToDisabled();

  /** Moves to METRICS_ONLY: every call is admitted and recorded, and the breaker never opens. */
  void transitionToMetricsOnly();

  /** Moves to CLOSED and clears every count, including openings and not-permitted calls. */
  void reset();

  // ---- Events --------------------------------------------------------------------------------

  /**
   * Adds a listener for this breaker's events. Listeners run on the thread that caused the event;
   * an exception thrown by a listener is logged at WARN and never reaches the call.
   */
  void addListener(CircuitBreakerListener listener);

  /** Removes a listener added with {@link #addListener}; does nothing if it was not added. */
  void removeListener(CircuitBreakerListener listener);
}
