package dev.ossp.runtime.resilience.internal.retry;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import org.jspecify.annotations.Nullable;

/**
 * An interrupt ended a retry wait. Callers see an {@link OsspException} of kind {@code CANCELLED};
 * the subclass only lets the policy keep interrupts away from fallbacks.
 */
final class RetryInterruptedException extends OsspException {
  private static final long serialVersionUID = 1L;

  RetryInterruptedException(
      String policyName,
      int attempts,
      InterruptedException cause,
      @Nullable Throwable lastFailure) {
    super(
        ErrorKind.CANCELLED,
        "retry '"
            + policyName
            + "' was interrupted while waiting to retry after "
            + attempts
            + " attempts",
        cause,
        ErrorContext.builder().target(policyName).attempts(attempts).build(),
        false);
    if (lastFailure != null) {
      addSuppressed(lastFailure);
    }
  }
}
