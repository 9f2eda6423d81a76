package dev.ossp.runtime.resilience;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A retry policy gave up: every allowed attempt failed, the overall deadline left no room for
 * another attempt, or the retry budget had no retry left. Carries the true attempt count in {@link
 * #attempts()} and in the context, and the last failure as its cause (none when the last attempt
 * returned a result that asked for a retry).
 *
 * <p>The kind is the last failure's: its own for an {@link OsspException}, {@code TIMEOUT} for
 * timeouts, {@code NETWORK} for other {@link IOException}s, {@code SERVER} for a retried result,
 * and {@code INTERNAL} otherwise. The error is never retryable, so an outer policy does not
 * multiply the attempts of an inner one.
 */
public class RetryExhaustedException extends OsspException {
  private static final long serialVersionUID = 1L;

  /** The reasons a policy gives up. */
  public enum Reason {
    /** Every one of {@link RetryConfig#maxAttempts()} attempts failed. */
    MAX_ATTEMPTS,
    /** The next wait would have ended at or after {@link RetryConfig#maxDuration()}. */
    MAX_DURATION,
    /** The retry budget of the target had no retry left. */
    BUDGET
  }

  private final String policyName;
  private final int attempts;
  private final Reason reason;

  /**
   * Creates the error.
   *
   * @param policyName the policy that gave up
   * @param attempts the attempts made, the first included; at least 1
   * @param reason why it gave up
   * @param lastFailure the last attempt's exception, or null when it returned a retried result
   */
  public RetryExhaustedException(
      String policyName, int attempts, Reason reason, @Nullable Throwable lastFailure) {
    super(
        kindOf(lastFailure),
        messageFor(policyName, attempts, reason, lastFailure),
        lastFailure,
        contextFor(policyName, attempts, lastFailure),
        false);
    this.policyName = policyName;
    this.attempts = attempts;
    this.reason = reason;
  }

  /** Returns the name of the policy that gave up. */
  public String policyName() {
    return policyName;
  }

  /** Returns the attempts made, the first included. */
  public int attempts() {
    return attempts;
  }

  /** Returns the reason the policy gave up. */
  public Reason reason() {
    return reason;
  }

  private static ErrorKind kindOf(@Nullable Throwable failure) {
    if (failure == null) {
      return ErrorKind.SERVER;
    }
    if (failure instanceof OsspException ossp) {
      return ossp.kind();
    }
    if (failure instanceof TimeoutException || failure instanceof InterruptedIOException) {
      return ErrorKind.TIMEOUT;
    }
    if (failure instanceof IOException) {
      return ErrorKind.NETWORK;
    }
    return ErrorKind.INTERNAL;
  }

  private static String messageFor(
      String policyName, int attempts, Reason reason, @Nullable Throwable failure) {
    Objects.requireNonNull(policyName, "policyName");
    Objects.requireNonNull(reason, "reason");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
    }
    String why =
        switch (reason) {
          case MAX_ATTEMPTS -> "all attempts failed";
          case MAX_DURATION -> "the next wait would reach the max duration";
          case BUDGET -> "the retry budget is exhausted";
        };
    String last =
        failure == null
            ? "the last attempt returned a result that asked for a retry"
            : "last failure: " + failure;
    return "retry '"
        + policyName
        + "' gave up after "
        + attempts
        + " attempts ("
        + why
        + "); "
        + last;
  }

  private static ErrorContext contextFor(
      String policyName, int attempts, @Nullable Throwable failure) {
    ErrorContext.Builder context =
        failure instanceof OsspException ossp
            ? ossp.context().toBuilder()
            : ErrorContext.builder().target(policyName);
    return context.attempts(attempts).build();
  }
}
