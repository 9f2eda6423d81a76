package dev.ossp.runtime.resilience;

import dev.ossp.runtime.error.OsspException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers that breakers, retries and their callers share for the exceptions that calls throw. */
public final class Failures {
  private static final int MAX_DEPTH = 16;

  private Failures() {}

  /**
   * Removes {@link CompletionException} and {@link ExecutionException} wrappers, which only record
   * where a failure was observed, to reach the failure itself. A wrapper without a cause is
   * returned as it is.
   */
  public static Throwable unwrap(Throwable error) {
    Objects.requireNonNull(error, "error");

    Throwable current = error;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      Throwable cause = current.getCause();
      if ((current instanceof CompletionException || current instanceof ExecutionException)
          && cause != null) {
        current = cause;
      } else {
        return current;
      }
    }
    return current;
  }

  /**
   * Returns the delay a peer asked for before the next attempt: the {@link
   * dev.ossp.runtime.error.ErrorContext#retryAfter()} of the first {@link OsspException} in the
   * cause chain of {@code error} that carries one (the chain is followed at most 16 levels).
   */
  public static Optional<Duration> retryAfter(Throwable error) {
    Objects.requireNonNull(error, "error");

    Throwable current = error;
    for (int depth = 0; depth < MAX_DEPTH && current != null; depth++) {
      if (current instanceof OsspException ossp) {
        Optional<Duration> hint = ossp.context().retryAfter();
        if (hint.isPresent()) {
          return hint;
        }
      }
      current = current.getCause();
    }
    return Optional.empty();
  }
}
