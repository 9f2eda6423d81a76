package dev.ossp.runtime.resilience.internal.breaker;

import dev.ossp.runtime.error.CircuitOpenException;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerListener;
import dev.ossp.runtime.resilience.CircuitBreakerMetrics;
import dev.ossp.runtime.resilience.internal.ListenerList;
import dev.ossp.runtime.resilience.internal.TaskScheduler;
import dev.ossp.runtime.resilience.internal.TimeSource;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit breaker. The state machine lives in {@link StateMachine}; this class adds the permit
 * API, the decorators and the operator controls.
 *
 * <p>A decorated call in the CLOSED state reads the clock only when slow calls are counted, the
 * window is time-based, or a listener is registered; otherwise it takes one volatile read to be
 * admitted and records its outcome without a lock or an allocation.
 *
 * <p>This class is thread-safe.
 */
public final class DefaultCircuitBreaker implements CircuitBreaker {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultCircuitBreaker.class);

  private final String name;
  private final TimeSource time;
  private final ListenerList<CircuitBreakerListener> listeners;
  private final StateMachine machine;

  /**
   * Creates a breaker in the CLOSED state.
   *
   * @param name the breaker's name, usually the protected target
   * @param config the configuration
   * @param time the clocks
   * @param scheduler runs automatic OPEN to HALF_OPEN transitions when the configuration asks for
   *     them; null disables them, leaving the next call to make the move
   */
  public DefaultCircuitBreaker(
      String name,
      CircuitBreakerConfig config,
      TimeSource time,
      @Nullable TaskScheduler scheduler) {
    this(name, config, time, scheduler, null);
  }

  /**
   * Creates a breaker whose events also go to {@code sharedListeners}, such as a registry's.
   *
   * @see #DefaultCircuitBreaker(String, CircuitBreakerConfig, TimeSource, TaskScheduler)
   */
  public DefaultCircuitBreaker(
      String name,
      CircuitBreakerConfig config,
      TimeSource time,
      @Nullable TaskScheduler scheduler,
      @Nullable ListenerList<CircuitBreakerListener> sharedListeners) {
    this.name = Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    this.time = Objects.requireNonNull(time, "time");

    this.listeners = new ListenerList<>(LOG, "circuit '" + name + "'", sharedListeners);
    this.machine = new StateMachine(name, config, time, scheduler, listeners);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CircuitBreakerConfig config() {
    return machine.settings().config;
  }

  @Override
  public State state() {
    return machine.current().state;
  }

  @Override
  public CircuitBreakerMetrics metrics() {
    return machine.metrics();
  }

  // ---- Permit API ----------------------------------------------------------------------------

  @Override
  public boolean tryAcquirePermission() {
    return machine.acquire() != null;
  }

  @Override
  public void acquirePermission() {
    if (machine.acquire() == null) {
      throw rejection();
    }
  }

  @Override
  public void releasePermission() {
    machine.onIgnored(machine.current(), 0, null);
  }

  @Override
  public void onSuccess(Duration duration) {
    Objects.requireNonNull(duration, "duration");

    machine.onSuccess(machine.current(), nanos(duration), StateMachine.UNKNOWN_TIME);
  }

  @Override
  public void onError(Duration duration, Throwable error) {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(error, "error");

    recordError(machine.current(), nanos(duration), StateMachine.UNKNOWN_TIME, error);
  }

  @Override
  public void onResult(Duration duration, @Nullable Object result) {
    Objects.requireNonNull(duration, "duration");

    recordResult(machine.current(), nanos(duration), StateMachine.UNKNOWN_TIME, result);
  }

  private static long nanos(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  // ---- Decorators ----------------------------------------------------------------------------

  @Override
  public <T> T executeSupplier(Supplier<T> supplier) {
    Objects.requireNonNull(supplier, "supplier");

    BreakerState admitted = admit();
    boolean timed = machine.needsTiming();
    long start = timed ? time.nanoTime() : 0L;
    T result;
    try {
      result = supplier.get();
    } catch (Throwable error) {
      finishWithError(admitted, timed, start, error);
      throw error;
    }
    finishWithResult(admitted, timed, start, result);
    return result;
  }

  @Override
  public <T> T executeCallable(Callable<T> callable) throws Exception {
    Objects.requireNonNull(callable, "callable");

    BreakerState admitted = admit();
    boolean timed = machine.needsTiming();
    long start = timed ? time.nanoTime() : 0L;
    T result;
    try {
      result = callable.call();
    } catch (Throwable error) {
      finishWithError(admitted, timed, start, error);
      throw error;
    }
    finishWithResult(admitted, timed, start, result);
    return result;
  }

  @Override
  public void executeRunnable(Runnable runnable) {
    Objects.requireNonNull(runnable, "runnable");

    BreakerState admitted = admit();
    boolean timed = machine.needsTiming();
    long start = timed ? time.nanoTime() : 0L;
    try {
      runnable.run();
    } catch (Throwable error) {
      finishWithError(admitted, timed, start, error);
      throw error;
    }
    if (timed) {
      long end = time.nanoTime();
      machine.onSuccess(admitted, end - start, end);
    } else {
      machine.onSuccess(admitted, 0L, StateMachine.UNKNOWN_TIME);
    }
  }

  @Override
  public <T> CompletionStage<T> executeCompletionStage(
      Supplier<? extends CompletionStage<T>> supplier) {
    Objects.requireNonNull(supplier, "supplier");

    BreakerState admitted = machine.acquire();
    if (admitted == null) {
      return CompletableFuture.failedFuture(rejection());
    }
    long start = time.nanoTime();
    CompletionStage<T> stage;
    try {
      stage = Objects.requireNonNull(supplier.get(), "the supplier returned a null stage");
    } catch (Throwable error) {
      finishWithError(admitted, true, start, error);
      return CompletableFuture.failedFuture(error);
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    stage.whenComplete(
        (value, error) -> {
          if (error != null) {
            finishWithError(admitted, true, start, error);
            result.completeExceptionally(
                error instanceof CompletionException && error.getCause() != null
                    ? error.getCause()
                    : error);
          } else {
            finishWithResult(admitted, true, start, value);
            result.complete(value);
          }
        });
    return result;
  }

  private BreakerState admit() {
    BreakerState admitted = machine.acquire();
    if (admitted == null) {
      throw rejection();
    }
    return admitted;
  }

  private CircuitOpenException rejection() {
    return new CircuitOpenException(name, machine.untilNextProbe(null));
  }

  private void finishWithError(BreakerState admitted, boolean timed, long start, Throwable error) {
    long end = timed ? time.nanoTime() : StateMachine.UNKNOWN_TIME;
    recordError(admitted, timed ? end - start : 0L, end, error);
  }

  private void finishWithResult(
      BreakerState admitted, boolean timed, long start, @Nullable Object result) {
    long end = timed ? time.nanoTime() : StateMachine.UNKNOWN_TIME;
    long duration = timed ? end - start : 0L;
    if (machine.settings().hasResultPredicate) {
      recordResult(admitted, duration, end, result);
    } else {
      machine.onSuccess(admitted, duration, end);
    }
  }

  private void recordError(BreakerState admitted, long nanos, long now, Throwable error) {
    switch (machine.settings().config.classify(error)) {
      case IGNORED -> machine.onIgnored(admitted, nanos, error);
      case FAILURE -> machine.onFailure(admitted, nanos, now, error);
      case SUCCESS -> machine.onSuccess(admitted, nanos, now);
    }
  }

  private void recordResult(BreakerState admitted, long nanos, long now, @Nullable Object result) {
    if (machine.settings().config.isFailureResult(result)) {
      machine.onFailure(admitted, nanos, now, null);
    } else {
      machine.onSuccess(admitted, nanos, now);
    }
  }

  // ---- Operator control ----------------------------------------------------------------------

  @Override
  public void reconfigure(CircuitBreakerConfig config) {
    Objects.requireNonNull(config, "config");

    machine.reconfigure(config);
  }

  @Override
  public void transitionToClosed() {
    machine.recordingNow(State.CLOSED, "operator request");
  }

  @Override
  public void transitionToOpen() {
    machine.openNow("operator request");
  }

  @Override
  public void transitionToHalfOpen() {
    machine.halfOpenNow("operator request");
  }

  @Override
  public void transitionToForcedOpen() {
    machine.operatorNow(State.FORCED_OPEN, "operator request");
  }

  @Override
  public void transitionToDisabled() {
    machine.operatorNow(State.DISABLED, "operator request");
  }

  @Override
  public void transitionToMetricsOnly() {
    machine.recordingNow(State.METRICS_ONLY, "operator request");
  }

  @Override
  public void reset() {
    machine.reset();
  }

  @Override
  public void addListener(CircuitBreakerListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(CircuitBreakerListener listener) {
    listeners.remove(listener);
  }

  @Override
  public String toString() {
    return "CircuitBreaker[" + name + ", " + state() + "]";
  }
}
