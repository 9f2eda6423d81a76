package dev.ossp.runtime.resilience;

/**
 * A snapshot of a retry policy's counts since it was created. Each call ends in exactly one of the
 * four outcomes.
 *
 * @param successfulWithoutRetry calls whose first attempt succeeded
 * @param successfulAfterRetry calls that succeeded after at least one retry
 * @param failedWithoutRetry calls that failed on the first attempt and were not retried (the error
 *     was not retryable, an abort predicate matched, max attempts was 1, or the budget, deadline or
 *     an interrupt stopped the first retry)
 * @param failedAfterRetry calls that failed after at least one retry
 * @param retries retries started, that is attempts after the first
 * @param budgetRejections retries the retry budget refused
 * @param deadlineStops calls stopped because the next wait would pass the max duration
 */
public record RetryMetrics(
    long successfulWithoutRetry,
    long successfulAfterRetry,
    long failedWithoutRetry,
    long failedAfterRetry,
    long retries,
    long budgetRejections,
    long deadlineStops) {

  /** Returns the number of calls: the sum of the four outcomes. */
  public long calls() {
    return successfulWithoutRetry + successfulAfterRetry + failedWithoutRetry + failedAfterRetry;
  }

  /** Returns the attempts made: calls plus retries. */
  public long attempts() {
    return calls() + retries;
  }

  /** Returns the failed attempts: every retry follows one, and each failed call ends with one. */
  public long failedAttempts() {
    return retries + failedWithoutRetry + failedAfterRetry;
  }
}
