package dev.ossp.runtime.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened in a retry policy. Events are only created when a listener is registered.
 * Test the type with {@code instanceof}.
 */
public sealed interface RetryEvent {
  /** The name of the policy. */
  String policyName();

  /** When the event happened, by the policy's clock. */
  Instant time();

  /**
   * An attempt failed and another is scheduled.
   *
   * @param policyName the policy
   * @param time when
   * @param attempt the number of the attempt that failed, from 1
   * @param delay the wait before the next attempt
   * @param error what the attempt threw, or null when its result asked for a retry
   */
  record RetryScheduled(
      String policyName, Instant time, int attempt, Duration delay, @Nullable Throwable error)
      implements RetryEvent {
    /** Checks that no required part is missing. */
    public RetryScheduled {
      Objects.requireNonNull(policyName, "policyName");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(delay, "delay");
    }
  }

  /**
   * The call succeeded.
   *
   * @param policyName the policy
   * @param time when
   * @param attempts the attempts made, the first included
   */
  record Succeeded(String policyName, Instant time, int attempts) implements RetryEvent {
    /** Checks that no part is missing. */
    public Succeeded {
      Objects.requireNonNull(policyName, "policyName");
      Objects.requireNonNull(time, "time");
    }
  }

  /**
   * The call failed for good.
   *
   * @param policyName the policy
   * @param time when
   * @param attempts the attempts made, the first included
   * @param outcome why no further attempt was made
   * @param error the last failure, or null when the last result asked for a retry
   */
  record Failed(
      String policyName, Instant time, int attempts, Outcome outcome, @Nullable Throwable error)
      implements RetryEvent {
    /** Checks that no required part is missing. */
    public Failed {
      Objects.requireNonNull(policyName, "policyName");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /**
   * The retry budget refused a retry; a {@link Failed} event with {@link Outcome#BUDGET} follows.
   *
   * @param policyName the policy
   * @param time when
   * @param budgetName the budget that refused
   * @param attempt the number of the attempt that failed
   */
  record BudgetRejected(String policyName, Instant time, String budgetName, int attempt)
      implements RetryEvent {
    /** Checks that no part is missing. */
    public BudgetRejected {
      Objects.requireNonNull(policyName, "policyName");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(budgetName, "budgetName");
    }
  }

  /** The reasons a call stops without success. */
  enum Outcome {
    /** The failure was not retryable. */
    NOT_RETRYABLE,
    /** The abort predicate matched. */
    ABORTED,
    /** Every allowed attempt failed. */
    MAX_ATTEMPTS,
    /** The next wait would have reached the max duration. */
    MAX_DURATION,
    /** The retry budget had no retry left. */
    BUDGET,
    /** The thread was interrupted, or the returned stage was cancelled. */
    CANCELLED
  }
}
