package dev.ossp.runtime.resilience;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * The default decision whether a failure is worth another attempt,, used by {@link RetryConfig}
 * unless a custom predicate replaces it.
 *
 * <p>After {@link Failures#unwrap(Throwable)}:
 *
 * <ul>
 *   <li>an {@link OsspException} of kind {@code NETWORK}, {@code RATE_LIMITED} or {@code SERVER} is
 *       retried when its {@link OsspException#retryable()} flag is set; {@code TIMEOUT} only for
 *       idempotent calls; {@code VALIDATION}, {@code AUTH}, {@code NOT_FOUND}, {@code CIRCUIT_OPEN}
 *       and {@code CANCELLED} never; other kinds when the flag is set;
 *   <li>a {@link TimeoutException} or {@link InterruptedIOException} (such as {@code
 *       SocketTimeoutException}) is a timeout: retried only for idempotent calls;
 *   <li>any other {@link IOException} is a network failure and is retried, except {@link
 *       ClosedByInterruptException};
 *   <li>anything else, including {@link InterruptedException} and {@link Error}s, is not retried.
 * </ul>
 */
public final class RetryPredicates {
  private RetryPredicates() {}

  /**
   * Returns whether {@code error} is a transient failure worth retrying.
   *
   * @param error what the attempt threw
   * @param idempotent whether repeating the call is safe even when the first attempt may have
   *     reached the peer; timeouts are only retried when it is
   */
  public static boolean isTransient(Throwable error, boolean idempotent) {
    Objects.requireNonNull(error, "error");

    Throwable cause = Failures.unwrap(error);
    if (cause instanceof OsspException ossp) {
      return isTransientKind(ossp.kind(), ossp.retryable(), idempotent);
    }
    if (cause instanceof TimeoutException || cause instanceof InterruptedIOException) {
      return idempotent;
    }
    return cause instanceof IOException && !(cause instanceof ClosedByInterruptException);
  }

  private static boolean isTransientKind(ErrorKind kind, boolean retryable, boolean idempotent) {
    switch (kind) {
      case VALIDATION:
      case AUTH:
      case NOT_FOUND:
      case CIRCUIT_OPEN:
      case CANCELLED:
        return false;
      case TIMEOUT:
        return idempotent && retryable;
      default:
        return retryable;
    }
  }
}
