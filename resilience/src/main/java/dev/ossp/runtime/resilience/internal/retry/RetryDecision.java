package dev.ossp.runtime.resilience.internal.retry;

import dev.ossp.runtime.resilience.RetryEvent.Outcome;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a policy does after a failed attempt: wait {@link #delay} and try again, or stop. A stop
 * either throws {@link #error} or, for a retried result in {@code RETHROW} mode, returns {@link
 * #result}.
 */
final class RetryDecision {
  final @Nullable Duration delay;
  final @Nullable Outcome outcome;
  final @Nullable Throwable error;
  final @Nullable Object result;

  private RetryDecision(
      @Nullable Duration delay,
      @Nullable Outcome outcome,
      @Nullable Throwable error,
      @Nullable Object result) {
    this.delay = delay;
    this.outcome = outcome;
    this.error = error;
    this.result = result;
  }

  static RetryDecision retryAfter(Duration delay) {
    return new RetryDecision(delay, null, null, null);
  }

  static RetryDecision fail(Outcome outcome, Throwable error) {
    return new RetryDecision(null, outcome, error, null);
  }

  static RetryDecision returnResult(Outcome outcome, @Nullable Object result) {
    return new RetryDecision(null, outcome, null, result);
  }

  boolean retries() {
    return delay != null;
  }
}
