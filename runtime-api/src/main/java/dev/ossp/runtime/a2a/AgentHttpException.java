package dev.ossp.runtime.a2a;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.util.Objects;

/**
 * An agent answered with an HTTP status outside 2xx. The kind follows the status: 400 and 422
 * validation, 401 and 403 auth, 404 and 410 not-found, 409 conflict, 429 rate-limited, 5xx server,
 * 3xx protocol (the client follows no redirects), other 4xx validation. The context carries the
 * status, the target, the request id, the attempt count and any {@code Retry-After}.
 *
 * <p>The body is kept up to {@link #MAX_BODY_CHARS} characters, for messages and diagnostics; a
 * longer body is cut there, and an agent's error body never carries the caller's credentials.
 */
public class AgentHttpException extends OsspException {
  private static final long serialVersionUID = 1L;

  /** The longest body kept, in characters. */
  public static final int MAX_BODY_CHARS = 8192;

  private final int status;
  private final String body;

  /**
   * Creates the error.
   *
   * @param kind the kind the status maps to
   * @param message what failed, with the status
   * @param context the facts, with the status set
   * @param retryable whether the client's rules allow another attempt
   * @param status the HTTP status
   * @param body the response body as text, cut to {@link #MAX_BODY_CHARS}
   */
  public AgentHttpException(
      ErrorKind kind,
      String message,
      ErrorContext context,
      boolean retryable,
      int status,
      String body) {
    super(kind, message, null, context, retryable);
    Objects.requireNonNull(body, "body");
    this.status = status;
    this.body = body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body;
  }

  /** Returns the kind an HTTP status maps to, as the class description lists. */
  public static ErrorKind kindOf(int status) {
    if (status == 400 || status == 422) {
      return ErrorKind.VALIDATION;
    }
    if (status == 401 || status == 403) {
      return ErrorKind.AUTH;
    }
    if (status == 404 || status == 410) {
      return ErrorKind.NOT_FOUND;
    }
    if (status == 409) {
      return ErrorKind.CONFLICT;
    }
    if (status == 429) {
      return ErrorKind.RATE_LIMITED;
    }
    if (status >= 500) {
      return ErrorKind.SERVER;
    }
    if (status >= 300 && status < 400) {
      return ErrorKind.PROTOCOL;
    }
    return ErrorKind.VALIDATION;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The response body as text, possibly cut. */
  public String body() {
    return body;
  }
}
