package dev.ossp.runtime.metrics.internal.loadtest;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Classifies a failed load-test request by the type of its exception, never by its message. */
final class ErrorKinds {
  private ErrorKinds() {}

  /**
   * Returns the kind of {@code failure}: an {@link OsspException}'s own kind, else {@code TIMEOUT}
   * for timeouts, {@code CANCELLED} for interruption and cancellation, {@code NETWORK} for other
   * I/O errors and {@code INTERNAL} for anything else. Wrapping execution exceptions are unwrapped.
   */
  static ErrorKind classify(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof ExecutionException || current instanceof CompletionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    if (current instanceof OsspException ossp) {
      return ossp.kind();
    }
    if (current instanceof TimeoutException
        || current instanceof SocketTimeoutException
        || current instanceof java.net.http.HttpTimeoutException) {
      return ErrorKind.TIMEOUT;
    }
    if (current instanceof InterruptedException
        || current instanceof InterruptedIOException
        || current instanceof CancellationException) {
      return ErrorKind.CANCELLED;
    }
    if (current instanceof IOException) {
      return ErrorKind.NETWORK;
    }
    return ErrorKind.INTERNAL;
  }
}
