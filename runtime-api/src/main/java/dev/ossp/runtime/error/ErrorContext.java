package dev.ossp.runtime.error;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Structured facts about a failure: which target, which request, how many attempts, and what the
 * peer answered. Never holds credentials or header values, so it is safe to log.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ErrorContext {
  private static final ErrorContext EMPTY = builder().build();

  private final @Nullable String target;
  private final @Nullable String requestId;
  private final int attempts;
  private final @Nullable Integer httpStatus;
  private final @Nullable Integer jsonRpcCode;
  private final @Nullable Duration retryAfter;
  private final Map<String, String> details;

  private ErrorContext(Builder builder) {
    this.target = builder.target;
    this.requestId = builder.requestId;
    this.attempts = builder.attempts;
    this.httpStatus = builder.httpStatus;
    this.jsonRpcCode = builder.jsonRpcCode;
    this.retryAfter = builder.retryAfter;
    this.details = Map.copyOf(builder.details);
  }

  /** Returns a context with no facts. */
  public static ErrorContext empty() {
    return EMPTY;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this context. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.target = target;
    builder.requestId = requestId;
    builder.attempts = attempts;
    builder.httpStatus = httpStatus;
    builder.jsonRpcCode = jsonRpcCode;
    builder.retryAfter = retryAfter;
    builder.details.putAll(details);
    return builder;
  }

  /** The target of the call: an agent URN, an MCP server id or a URL without credentials. */
  public Optional<String> target() {
    return Optional.ofNullable(target);
  }

  /** The request id that correlates logs across the runtime and its peers. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The number of attempts made, including the first; 0 when nothing was attempted. */
  public int attempts() {
    return attempts;
  }

  /** The HTTP status the peer answered with. */
  public OptionalInt httpStatus() {
    return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /** The JSON-RPC error code the peer answered with. */
  public OptionalInt jsonRpcCode() {
    return jsonRpcCode == null ? OptionalInt.empty() : OptionalInt.of(jsonRpcCode);
  }

  /** The delay the peer asked for before the next attempt, for example from {@code Retry-After}. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Further facts as strings, in insertion order of the builder. Never secrets. */
  public Map<String, String> details() {
    return details;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    append(text, "target", target);
    append(text, "requestId", requestId);
    if (attempts > 0) {
      append(text, "attempts", attempts);
    }
    append(text, "httpStatus", httpStatus);
    append(text, "jsonRpcCode", jsonRpcCode);
    append(text, "retryAfter", retryAfter);
    details.forEach((key, value) -> append(text, key, value));
    return text.toString();
  }

  private static void append(StringBuilder text, String name, @Nullable Object value) {
    if (value == null) {
      return;
    }
    if (text.length() > 0) {
      text.append(", ");
    }
    text.append(name).append('=').append(value);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ErrorContext that
        && attempts == that.attempts
        && Objects.equals(target, that.target)
        && Objects.equals(requestId, that.requestId)
        && Objects.equals(httpStatus, that.httpStatus)
        && Objects.equals(jsonRpcCode, that.jsonRpcCode)
        && Objects.equals(retryAfter, that.retryAfter)
        && details.equals(that.details);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, requestId, attempts, httpStatus, jsonRpcCode, retryAfter, details);
  }

  /** Builds an {@link ErrorContext}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String target;
    private @Nullable String requestId;
    private int attempts;
    private @Nullable Integer httpStatus;
    private @Nullable Integer jsonRpcCode;
    private @Nullable Duration retryAfter;
    private final Map<String, String> details = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the target: an agent URN, an MCP server id or a URL without credentials. */
    public Builder target(@Nullable String target) {
      this.target = target;
      return this;
    }

    /** Sets the request id. */
    public Builder requestId(@Nullable String requestId) {
      this.requestId = requestId;
      return this;
    }

    /**
     * Sets the number of attempts, including the first.
     *
     * @throws IllegalArgumentException if {@code attempts} is negative
     */
    public Builder attempts(int attempts) {
      if (attempts < 0) {
        throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
      }
      this.attempts = attempts;
      return this;
    }

    /**
     * Sets the HTTP status.
     *
     * @throws IllegalArgumentException if {@code status} is outside 100..599
     */
    public Builder httpStatus(int status) {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("httpStatus must be in 100..599, was " + status);
      }
      this.httpStatus = status;
      return this;
    }

    /** Sets the JSON-RPC error code. */
    public Builder jsonRpcCode(int code) {
      this.jsonRpcCode = code;
      return this;
    }

    /**
     * Sets the delay the peer asked for.
     *
     * @throws IllegalArgumentException if {@code retryAfter} is negative
     */
    public Builder retryAfter(@Nullable Duration retryAfter) {
      if (retryAfter != null && retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
      }
      this.retryAfter = retryAfter;
      return this;
    }

    /** Adds a fact. The value must never be a secret. */
    public Builder detail(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");

      details.put(name, value);
      return this;
    }

    /** Returns the context. */
    public ErrorContext build() {
      return new ErrorContext(this);
    }
  }
}
