package dev.ossp.runtime.resilience.internal.retry;

import dev.ossp.runtime.resilience.Failures;
import dev.ossp.runtime.resilience.RetryEvent.Outcome;
import dev.ossp.runtime.resilience.RetryExhaustedException;
import dev.ossp.runtime.resilience.internal.TaskScheduler;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One asynchronous call of a {@link DefaultRetryPolicy}: attempts start when the previous stage
 * fails and its delay has passed on the scheduler; nothing blocks. The outcome of an attempt, the
 * deadline and cancellation of the returned future are handled under one lock, so exactly one of
 * them finishes the call and counts it.
 *
 * <p>This class is thread-safe.
 */
final class AsyncRetryExecution<T> {
  private final DefaultRetryPolicy policy;
  private final DefaultRetryPolicy.Settings settings;
  private final Supplier<? extends CompletionStage<T>> supplier;
  private final TaskScheduler scheduler;
  private final long start;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final ReentrantLock lock = new ReentrantLock();
  // Guarded by lock.
  private boolean finished;
  private int attempts;
  private Duration previousDelay = Duration.ZERO;
  private @Nullable Throwable lastFailure;
  private TaskScheduler.@Nullable ScheduledTask pendingAttempt;
  private TaskScheduler.@Nullable ScheduledTask deadline;
  private @Nullable CompletableFuture<?> inFlight;

  AsyncRetryExecution(
      DefaultRetryPolicy policy,
      DefaultRetryPolicy.Settings settings,
      Supplier<? extends CompletionStage<T>> supplier,
      TaskScheduler scheduler,
      long start) {
    this.policy = policy;
    this.settings = settings;
    this.supplier = supplier;
    this.scheduler = scheduler;
    this.start = start;
  }

  CompletionStage<T> result() {
    return result;
  }

  void start() {
    result.whenComplete(
        (value, error) -> {
          if (error instanceof CancellationException) {
            cancelledByCaller();
          }
        });
    if (settings.maxDurationNanos > 0) {
      long remaining = settings.maxDurationNanos - (policy.time().nanoTime() - start);
      lock.lock();
      try {
        deadline =
            scheduler.schedule(this::deadlinePassed, Duration.ofNanos(Math.max(0, remaining)));
      } finally {
        lock.unlock();
      }
    }
    attempt();
  }

  private void attempt() {
    lock.lock();
    try {
      if (finished) {
        return;
      }
      attempts++;
      pendingAttempt = null;
    } finally {
      lock.unlock();
    }
    CompletionStage<T> stage;
    try {
      stage = supplier.get();
      if (stage == null) {
        throw new NullPointerException("the supplier returned a null stage");
      }
    } catch (Throwable error) {
      onOutcome(null, error);
      return;
    }
    lock.lock();
    try {
      inFlight = futureOf(stage);
    } finally {
      lock.unlock();
    }
    stage.whenComplete(this::onOutcome);
  }

  private static @Nullable CompletableFuture<?> futureOf(CompletionStage<?> stage) {
    try {
      return stage.toCompletableFuture();
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  private void onOutcome(@Nullable T value, @Nullable Throwable error) {
    lock.lock();
    try {
      if (finished) {
        return;
      }
      inFlight = null;
      if (error == null
          && !(settings.hasResultPredicate && settings.config.shouldRetryResult(value))) {
        finished = true;
        cancelDeadline();
        policy.succeeded(attempts);
        result.complete(value);
        return;
      }
      lastFailure = error;
      RetryDecision decision =
          policy.decide(
              settings, attempts, previousDelay, start, error, error == null ? value : null);
      Duration delay = decision.delay;
      if (delay == null) {
        finish(decision);
        return;
      }
      previousDelay = delay;
      try {
        pendingAttempt = scheduler.schedule(this::attempt, delay);
      } catch (RejectedExecutionException e) {
        finished = true;
        cancelDeadline();
        result.completeExceptionally(e);
      }
    } finally {
      lock.unlock();
    }
  }

  @SuppressWarnings("unchecked")
  private void finish(RetryDecision decision) {
    finished = true;
    cancelDeadline();
    Throwable error = decision.error;
    if (error != null) {
      result.completeExceptionally(
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error);
    } else {
      result.complete((T) decision.result);
    }
  }

  private void deadlinePassed() {
    lock.lock();
    try {
      if (finished) {
        return;
      }
      finished = true;
      policy.stoppedFromOutside(attempts, Outcome.MAX_DURATION, lastFailure);
      stopWork();
      Throwable cause = lastFailure == null ? null : Failures.unwrap(lastFailure);
      result.completeExceptionally(
          new RetryExhaustedException(
              policy.name(), attempts, RetryExhaustedException.Reason.MAX_DURATION, cause));
    } finally {
      lock.unlock();
    }
  }

  private void cancelledByCaller() {
    lock.lock();
    try {
      if (finished) {
        return;
      }
      finished = true;
      policy.stoppedFromOutside(attempts, Outcome.CANCELLED, lastFailure);
      cancelDeadline();
      stopWork();
    } finally {
      lock.unlock();
    }
  }

  private void stopWork() {
    if (pendingAttempt != null) {
      pendingAttempt.cancel();
      pendingAttempt = null;
    }
    if (inFlight != null) {
      inFlight.cancel(true);
      inFlight = null;
    }
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel();
      deadline = null;
    }
  }
}
