package dev.ossp.runtime.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The root of every error the runtime raises. The {@link #kind()} classifies the failure, {@link
 * #retryable()} says whether trying again can help, and {@link #context()} carries the ids and peer
 * answers needed to act on it.
 *
 * <p>Messages and {@link #toString()} never contain credentials: code that builds one must not put
 * secrets in the message or the context.
 */
public class OsspException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;
  private final boolean retryable;
  private final transient ErrorContext context;

  /** Creates an error of {@code kind}, retryable as {@link ErrorKind#retryableByDefault()}. */
  public OsspException(ErrorKind kind, String message) {
    this(kind, message, null, ErrorContext.empty(), kind.retryableByDefault());
  }

  /** Creates an error of {@code kind} with a cause, retryable as the kind's default. */
  public OsspException(ErrorKind kind, String message, @Nullable Throwable cause) {
    this(kind, message, cause, ErrorContext.empty(), kind.retryableByDefault());
  }

  /** Creates an error of {@code kind} with a cause and context, retryable as the kind's default. */
  public OsspException(
      ErrorKind kind, String message, @Nullable Throwable cause, ErrorContext context) {
    this(kind, message, cause, context, kind.retryableByDefault());
  }

  /** Creates an error with every property given. */
  public OsspException(
      ErrorKind kind,
      String message,
      @Nullable Throwable cause,
      ErrorContext context,
      boolean retryable) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.context = Objects.requireNonNull(context, "context");
    this.retryable = retryable;
  }

  /** The class of the failure. */
  public ErrorKind kind() {
    return kind;
  }

  /** Whether trying the same call again can succeed. */
  public boolean retryable() {
    return retryable;
  }

  /** Ids and peer answers that belong to this failure. */
  public ErrorContext context() {
    return context;
  }

  @Override
  public String toString() {
    String facts = context.toString();
    return getClass().getSimpleName()
        + "["
        + kind.code()
        + (facts.isEmpty() ? "" : ", " + facts)
        + "]: "
        + getMessage();
  }
}
