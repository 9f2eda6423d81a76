package dev.ossp.runtime.error;

import java.util.Locale;

/**
 * The class of a failure. Callers decide on retries, breaker accounting and HTTP statuses from the
 * kind, never from message text.
 */
public enum ErrorKind {
  /** The peer could not be reached or the connection broke. Retryable by default. */
  NETWORK(true, 502),
  /** A deadline passed before the peer answered. Retryable by default. */
  TIMEOUT(true, 504),
  /** Credentials were missing, wrong or insufficient. */
  AUTH(false, 401),
  /** The input was malformed or out of range. */
  VALIDATION(false, 400),
  /** The addressed resource does not exist. */
  NOT_FOUND(false, 404),
  /** The write conflicts with the current state, for example a duplicate or stale revision. */
  CONFLICT(false, 409),
  /** The peer asked the caller to slow down. Retryable by default. */
  RATE_LIMITED(true, 429),
  /** The peer failed while handling the request. Retryable by default. */
  SERVER(true, 502),
  /** The peer broke the protocol: unexpected message, bad framing or unsupported version. */
  PROTOCOL(false, 502),
  /** A circuit breaker rejected the call without trying it. */
  CIRCUIT_OPEN(false, 503),
  /** The caller cancelled the call, or the thread was interrupted. */
  CANCELLED(false, 503),
  /** A defect in the runtime itself. */
  INTERNAL(false, 500);

  private final boolean retryableByDefault;
  private final int httpStatus;
  private final String code;

  ErrorKind(boolean retryableByDefault, int httpStatus) {
    this.retryableByDefault = retryableByDefault;
    this.httpStatus = httpStatus;
    this.code = name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Returns whether an error of this kind is worth retrying when nothing else is known. */
  public boolean retryableByDefault() {
    return retryableByDefault;
  }

  /** Returns the HTTP status the node answers with when a route fails with this kind. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Returns the stable lower-case code used in JSON errors and metrics, e.g. {@code not-found}. */
  public String code() {
    return code;
  }
}
