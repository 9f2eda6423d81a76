package dev.ossp.runtime.resilience.internal.retry;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.backoff.BackoffStrategy;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.resilience.Failures;
import dev.ossp.runtime.resilience.RetryBudget;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryEvent;
import dev.ossp.runtime.resilience.RetryEvent.Outcome;
import dev.ossp.runtime.resilience.RetryExhaustedException;
import dev.ossp.runtime.resilience.RetryListener;
import dev.ossp.runtime.resilience.RetryMetrics;
import dev.ossp.runtime.resilience.RetryPolicy;
import dev.ossp.runtime.resilience.internal.ListenerList;
import dev.ossp.runtime.resilience.internal.Sleeper;
import dev.ossp.runtime.resilience.internal.TaskScheduler;
import dev.ossp.runtime.resilience.internal.TimeSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry policy. The first attempt runs inline with no lock and no allocation; everything after
 * a failure happens in {@link #decide}, shared by the synchronous loop and {@link
 * AsyncRetryExecution}, so both count attempts, delays, budgets and deadlines the same way.
 *
 * <p>This class is thread-safe.
 */
public final class DefaultRetryPolicy implements RetryPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultRetryPolicy.class);
  private static final long BUDGET_WARNING_INTERVAL_NANOS = 10_000_000_000L;

  private final String name;
  private final Function<String, BackoffStrategy> strategies;
  private final Function<String, RetryBudget> budgets;
  private final TimeSource time;
  private final Sleeper sleeper;
  private final TaskScheduler scheduler;
  private final Supplier<RandomGenerator> random;
  private final ListenerList<RetryListener> listeners;
  private final LongAdder successfulWithoutRetry = new LongAdder();
  private final LongAdder successfulAfterRetry = new LongAdder();
  private final LongAdder failedWithoutRetry = new LongAdder();
  private final LongAdder failedAfterRetry = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder budgetRejections = new LongAdder();
  private final LongAdder deadlineStops = new LongAdder();
  private final LongAdder[] failedAttemptsByKind = newAdders(ErrorKind.values().length);
  private final AtomicLong lastBudgetWarningNanos = new AtomicLong(Long.MIN_VALUE);
  private volatile Settings settings;

  /**
   * Creates a policy.
   *
   * @param name the policy's name, usually the protected target
   * @param config the configuration
   * @param strategies finds a backoff strategy by name; throws for an unknown one
   * @param budgets finds a retry budget by name
   * @param time the clocks
   * @param sleeper blocks synchronous calls between attempts
   * @param scheduler runs the delayed attempts of asynchronous calls and their deadlines
   * @param random the random source handed to backoff strategies on each delay
   * @param sharedListeners listeners that also receive this policy's events, such as a registry's;
   *     null for none
   */
  public DefaultRetryPolicy(
      String name,
      RetryConfig config,
      Function<String, BackoffStrategy> strategies,
      Function<String, RetryBudget> budgets,
      TimeSource time,
      Sleeper sleeper,
      TaskScheduler scheduler,
      Supplier<RandomGenerator> random,
      @Nullable ListenerList<RetryListener> sharedListeners) {
    this.name = Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    this.strategies = Objects.requireNonNull(strategies, "strategies");
    this.budgets = Objects.requireNonNull(budgets, "budgets");
    this.time = Objects.requireNonNull(time, "time");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.random = Objects.requireNonNull(random, "random");

    this.listeners = new ListenerList<>(LOG, "retry '" + name + "'", sharedListeners);
    this.settings = settingsFor(config);
  }

  /** The configuration in force, with the strategy and budget it names resolved. */
  static final class Settings {
    final RetryConfig config;
    final BackoffStrategy strategy;
    final @Nullable BackoffSettings backoff;
    final @Nullable RetryBudget budget;
    final long maxDurationNanos;
    final boolean hasResultPredicate;

    Settings(RetryConfig config, BackoffStrategy strategy, @Nullable RetryBudget budget) {
      this.config = config;
      this.strategy = strategy;
      this.backoff = config.backoffSettings().orElse(null);
      this.budget = budget;
      this.maxDurationNanos = config.maxDuration().map(Duration::toNanos).orElse(0L);
      this.hasResultPredicate = config.hasResultPredicate();
    }
  }

  private static LongAdder[] newAdders(int count) {
    LongAdder[] adders = new LongAdder[count];
    for (int i = 0; i < count; i++) {
      adders[i] = new LongAdder();
    }
    return adders;
  }

  /**
   * Returns the failed attempts whose error had {@code kind}: an {@link OsspException}'s own kind,
   * {@code TIMEOUT} for timeouts, {@code NETWORK} for other I/O errors, {@code SERVER} for a result
   * that requested a retry, and {@code INTERNAL} otherwise.
   */
  public long failedAttempts(ErrorKind kind) {
    Objects.requireNonNull(kind, "kind");

    return failedAttemptsByKind[kind.ordinal()].sum();
  }

  private static ErrorKind kindOf(@Nullable Throwable error) {
    if (error == null) {
      return ErrorKind.SERVER;
    }
    Throwable cause = Failures.unwrap(error);
    if (cause instanceof OsspException ossp) {
      return ossp.kind();
    }
    if (cause instanceof TimeoutException || cause instanceof InterruptedIOException) {
      return ErrorKind.TIMEOUT;
    }
    return cause instanceof IOException ? ErrorKind.NETWORK : ErrorKind.INTERNAL;
  }

  private Settings settingsFor(RetryConfig config) {
    BackoffStrategy strategy = strategies.apply(config.backoff());
    RetryBudget budget =
        config.budgetEnabled() ? budgets.apply(config.budgetName().orElse(name)) : null;
    return new Settings(config, strategy, budget);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RetryConfig config() {
    return settings.config;
  }

  @Override
  public RetryMetrics metrics() {
    return new RetryMetrics(
        successfulWithoutRetry.sum(),
        successfulAfterRetry.sum(),
        failedWithoutRetry.sum(),
        failedAfterRetry.sum(),
        retries.sum(),
        budgetRejections.sum(),
        deadlineStops.sum());
  }

  @Override
  public void reconfigure(RetryConfig config) {
    Objects.requireNonNull(config, "config");

    RetryConfig previous = settings.config;
    settings = settingsFor(config);
    LOG.info("retry '{}' reconfigured from {} to {}", name, previous, config);
  }

  // ---- Synchronous execution -----------------------------------------------------------------

  @Override
  public <T> T executeCallable(Callable<T> callable) throws Exception {
    Objects.requireNonNull(callable, "callable");

    Settings active = settings;
    long start = begin(active);
    T result;
    try {
      result = callable.call();
    } catch (Throwable error) {
      return retrySync(active, callable, start, error, null);
    }
    if (active.hasResultPredicate && active.config.shouldRetryResult(result)) {
      return retrySync(active, callable, start, null, result);
    }
    succeeded(1);
    return result;
  }

  @Override
  public <T> T executeSupplier(Supplier<T> supplier) {
    Objects.requireNonNull(supplier, "supplier");

    Settings active = settings;
    long start = begin(active);
    T result;
    try {
      result = supplier.get();
    } catch (Throwable error) {
      return uncheckedRetrySync(active, supplier::get, start, error, null);
    }
    if (active.hasResultPredicate && active.config.shouldRetryResult(result)) {
      return uncheckedRetrySync(active, supplier::get, start, null, result);
    }
    succeeded(1);
    return result;
  }

  @Override
  public <T> T executeSupplier(
      Supplier<T> supplier, Function<? super Throwable, ? extends T> fallback) {
    Objects.requireNonNull(supplier, "supplier");
    Objects.requireNonNull(fallback, "fallback");

    try {
      return executeSupplier(supplier);
    } catch (RetryInterruptedException e) {
      throw e;
    } catch (Exception e) {
      // Exception, not RuntimeException: a supplier may throw a checked exception undeclared.
      return fallback.apply(e);
    }
  }

  @Override
  public void executeRunnable(Runnable runnable) {
    Objects.requireNonNull(runnable, "runnable");

    Settings active = settings;
    long start = begin(active);
    try {
      runnable.run();
    } catch (Throwable error) {
      uncheckedRetrySync(
          active,
          () -> {
            runnable.run();
            return null;
          },
          start,
          error,
          null);
      return;
    }
    succeeded(1);
  }

  private long begin(Settings active) {
    RetryBudget budget = active.budget;
    if (budget != null) {
      budget.recordCall();
    }
    return active.maxDurationNanos > 0 ? time.nanoTime() : 0L;
  }

  private <T> T uncheckedRetrySync(
      Settings active,
      Callable<T> attempt,
      long start,
      @Nullable Throwable error,
      @Nullable T result) {
    try {
      return retrySync(active, attempt, start, error, result);
    } catch (Exception e) {
      // A checked exception gets here only when the supplier or runnable threw it undeclared;
      // it is passed on unchanged, as a direct call would have.
      throw DefaultRetryPolicy.<RuntimeException>rethrowUnchecked(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> E rethrowUnchecked(Exception error) throws E {
    throw (E) error;
  }

  /** Continues a call whose first attempt failed, on the calling thread. */
  @SuppressWarnings("unchecked")
  private <T> T retrySync(
      Settings active,
      Callable<T> attempt,
      long start,
      @Nullable Throwable firstError,
      @Nullable T firstResult)
      throws Exception {
    Throwable error = firstError;
    T result = firstResult;
    int attempts = 1;
    Duration previousDelay = Duration.ZERO;
    while (true) {
      RetryDecision decision = decide(active, attempts, previousDelay, start, error, result);
      Duration delay = decision.delay;
      if (delay == null) {
        if (decision.error != null) {
          throw asException(decision.error);
        }
        return (T) decision.result;
      }
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(attempts, e, error);
      }
      previousDelay = delay;
      attempts++;
      try {
        result = attempt.call();
        error = null;
      } catch (Throwable failure) {
        error = failure;
        result = null;
        continue;
      }
      if (!(active.hasResultPredicate && active.config.shouldRetryResult(result))) {
        succeeded(attempts);
        return result;
      }
    }
  }

  private static Exception asException(Throwable error) {
    if (error instanceof Error fatal) {
      throw fatal;
    }
    return (Exception) error;
  }

  RetryInterruptedException interrupted(
      int attempts, InterruptedException cause, @Nullable Throwable lastFailure) {
    countFailure(attempts);
    if (!listeners.isEmpty()) {
      publish(new RetryEvent.Failed(name, time.now(), attempts, Outcome.CANCELLED, lastFailure));
    }
    LOG.debug("retry '{}' interrupted after {} attempts", name, attempts);
    return new RetryInterruptedException(name, attempts, cause, lastFailure);
  }

  // ---- Asynchronous execution ----------------------------------------------------------------

  @Override
  public <T> CompletionStage<T> executeCompletionStage(
      Supplier<? extends CompletionStage<T>> supplier) {
    Objects.requireNonNull(supplier, "supplier");

    Settings active = settings;
    long start = begin(active);
    AsyncRetryExecution<T> execution =
        new AsyncRetryExecution<>(this, active, supplier, scheduler, start);
    execution.start();
    return execution.result();
  }

  TimeSource time() {
    return time;
  }

  // ---- Decisions shared by both executions ---------------------------------------------------

  /**
   * Decides what follows a failed attempt (an exception, or a result that requests a retry) and
   * does the accounting: counters, events, the budget withdrawal and the deadline check.
   *
   * @param attempts attempts made so far, the failed one included
   * @param previousDelay the delay before the failed attempt, or zero after the first
   */
  RetryDecision decide(
      Settings active,
      int attempts,
      Duration previousDelay,
      long start,
      @Nullable Throwable error,
      @Nullable Object result) {
    failedAttemptsByKind[kindOf(error).ordinal()].increment();
    RetryConfig config = active.config;
    if (error != null) {
      if (config.shouldAbort(error)) {
        return stop(attempts, Outcome.ABORTED, error);
      }
      if (!config.isRetryable(error)) {
        return stop(attempts, Outcome.NOT_RETRYABLE, error);
      }
    }
    if (attempts >= config.maxAttempts()) {
      return exhausted(
          active, attempts, RetryExhaustedException.Reason.MAX_ATTEMPTS, error, result);
    }
    Duration delay = nextDelay(active, attempts, previousDelay, error);
    if (active.maxDurationNanos > 0) {
      long elapsed = time.nanoTime() - start;
      // Stop when the wait would use up the deadline: the next attempt would have no time left.
      if (elapsed + delay.toNanos() >= active.maxDurationNanos) {
        deadlineStops.increment();
        return exhausted(
            active, attempts, RetryExhaustedException.Reason.MAX_DURATION, error, result);
      }
    }
    RetryBudget budget = active.budget;
    if (budget != null && !budget.tryAcquireRetry()) {
      budgetRejected(budget, attempts);
      return exhausted(active, attempts, RetryExhaustedException.Reason.BUDGET, error, result);
    }
    retries.increment();
    if (!listeners.isEmpty()) {
      publish(new RetryEvent.RetryScheduled(name, time.now(), attempts, delay, error));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "retry '{}' attempt {} of {} failed ({}); next attempt in {} ms",
          name,
          attempts,
          config.maxAttempts(),
          error == null ? "result asked for a retry" : Failures.unwrap(error).toString(),
          delay.toMillis());
    }
    return RetryDecision.retryAfter(delay);
  }

  private Duration nextDelay(
      Settings active, int attempts, Duration previousDelay, @Nullable Throwable error) {
    RetryConfig config = active.config;
    if (config.honorRetryAfter() && error != null) {
      Optional<Duration> hint = Failures.retryAfter(error);
      if (hint.isPresent()) {
        Duration wanted = hint.get();
        return wanted.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : wanted;
      }
    }
    BackoffSettings backoff = active.backoff;
    if (backoff == null) {
      return Duration.ZERO;
    }
    return active.strategy.delay(attempts, previousDelay, backoff, random.get());
  }

  private void budgetRejected(RetryBudget budget, int attempts) {
    budgetRejections.increment();
    if (!listeners.isEmpty()) {
      publish(new RetryEvent.BudgetRejected(name, time.now(), budget.name(), attempts));
    }
    long now = time.nanoTime();
    long last = lastBudgetWarningNanos.get();
    if ((last == Long.MIN_VALUE || now - last >= BUDGET_WARNING_INTERVAL_NANOS)
        && lastBudgetWarningNanos.compareAndSet(last, now)) {
      LOG.warn(
          "retry '{}' skipped a retry: budget '{}' is exhausted ({} rejections so far)",
          name,
          budget.name(),
          budgetRejections.sum());
    }
  }

  private RetryDecision stop(int attempts, Outcome outcome, Throwable error) {
    countFailure(attempts);
    if (!listeners.isEmpty()) {
      publish(new RetryEvent.Failed(name, time.now(), attempts, outcome, error));
    }
    return RetryDecision.fail(outcome, error);
  }

  private RetryDecision exhausted(
      Settings active,
      int attempts,
      RetryExhaustedException.Reason reason,
      @Nullable Throwable error,
      @Nullable Object result) {
    Outcome outcome =
        switch (reason) {
          case MAX_ATTEMPTS -> Outcome.MAX_ATTEMPTS;
          case MAX_DURATION -> Outcome.MAX_DURATION;
          case BUDGET -> Outcome.BUDGET;
        };
    countFailure(attempts);
    if (!listeners.isEmpty()) {
      publish(new RetryEvent.Failed(name, time.now(), attempts, outcome, error));
    }
    LOG.debug("retry '{}' gave up after {} attempts: {}", name, attempts, outcome);
    if (active.config.onExhaustion() == RetryConfig.OnExhaustion.RETHROW) {
      return error != null
          ? RetryDecision.fail(outcome, error)
          : RetryDecision.returnResult(outcome, result);
    }
    Throwable cause = error == null ? null : Failures.unwrap(error);
    return RetryDecision.fail(outcome, new RetryExhaustedException(name, attempts, reason, cause));
  }

  private void countFailure(int attempts) {
    (attempts > 1 ? failedAfterRetry : failedWithoutRetry).increment();
  }

  void succeeded(int attempts) {
    (attempts > 1 ? successfulAfterRetry : successfulWithoutRetry).increment();
    if (!listeners.isEmpty()) {
      publish(new RetryEvent.Succeeded(name, time.now(), attempts));
    }
  }

  /** Records a call stopped from outside: cancelled or past its deadline while an attempt ran. */
  void stoppedFromOutside(int attempts, Outcome outcome, @Nullable Throwable lastFailure) {
    if (outcome == Outcome.MAX_DURATION) {
      deadlineStops.increment();
    }
    countFailure(attempts);
    if (!listeners.isEmpty()) {
      publish(new RetryEvent.Failed(name, time.now(), attempts, outcome, lastFailure));
    }
  }

  private void publish(RetryEvent event) {
    listeners.publish(event, RetryListener::onEvent);
  }

  @Override
  public void addListener(RetryListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(RetryListener listener) {
    listeners.remove(listener);
  }

  @Override
  public String toString() {
    return "RetryPolicy[" + name + ", " + settings.config + "]";
  }
}
