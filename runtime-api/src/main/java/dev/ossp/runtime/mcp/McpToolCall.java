package dev.ossp.runtime.mcp;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One {@code tools/call} request: the tool name, its arguments, and per-call options.
 *
 * <p>Arguments are given either as JSON text ({@link Builder#argumentsJson}) or as a map of plain
 * values ({@link Builder#arguments}): strings, numbers, booleans, null, and lists and maps of
 * those.
 *
 * <p>Instances are immutable and thread-safe, provided the argument values are not changed.
 */
public final class McpToolCall {
  private final String name;
  private final @Nullable String argumentsJson;
  private final Map<String, @Nullable Object> arguments;
  private final @Nullable Duration timeout;
  private final @Nullable McpProgressListener progressListener;
  private final boolean retryOnFailure;

  private McpToolCall(Builder builder) {
    this.name = builder.name;
    this.argumentsJson = builder.argumentsJson;
    this.arguments = Collections.unmodifiableMap(new LinkedHashMap<>(builder.arguments));
    this.timeout = builder.timeout;
    this.progressListener = builder.progressListener;
    this.retryOnFailure = builder.retryOnFailure;
  }

  /**
   * Starts a call of tool {@code name}.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Returns a call of {@code name} with arguments given as a JSON object. */
  public static McpToolCall of(String name, String argumentsJson) {
    return builder(name).argumentsJson(argumentsJson).build();
  }

  /** The tool's name. */
  public String name() {
    return name;
  }

  /** The arguments as JSON text, when given that way. */
  public Optional<String> argumentsJson() {
    return Optional.ofNullable(argumentsJson);
  }

  /** The arguments as a map, when given that way; empty otherwise. */
  public Map<String, @Nullable Object> arguments() {
    return arguments;
  }

  /** The timeout of this call; the server's request timeout when empty. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** The listener for progress notifications; when set, the call sends a progress token. */
  public Optional<McpProgressListener> progressListener() {
    return Optional.ofNullable(progressListener);
  }

  /**
   * Whether the caller allows an automatic retry after a failure that may have reached the server.
   * Without it, only tools annotated read-only or idempotent are retried.
   */
  public boolean retryOnFailure() {
    return retryOnFailure;
  }

  @Override
  public String toString() {
    return "McpToolCall[" + name + "]";
  }

  /** Builds an {@link McpToolCall}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private @Nullable String argumentsJson;
    private final Map<String, @Nullable Object> arguments = new LinkedHashMap<>();
    private @Nullable Duration timeout;
    private @Nullable McpProgressListener progressListener;
    private boolean retryOnFailure;

    private Builder(String name) {
      Objects.requireNonNull(name, "name");

      if (name.isBlank()) {
        throw new IllegalArgumentException("tool name must not be blank");
      }
      this.name = name;
    }

    /**
     * Sets the arguments as a JSON object. Default no arguments ({@code {}}).
     *
     * @throws IllegalArgumentException if the text does not start with {@code {}, or map arguments
     *     were given already
     */
    public Builder argumentsJson(String argumentsJson) {
      Objects.requireNonNull(argumentsJson, "argumentsJson");

      if (!argumentsJson.strip().startsWith("{")) {
        throw new IllegalArgumentException(
            "arguments of tool '" + name + "' must be a JSON object, was: " + argumentsJson);
      }
      if (!arguments.isEmpty()) {
        throw new IllegalArgumentException(
            "arguments of tool '" + name + "' are given both as a map and as JSON");
      }
      this.argumentsJson = argumentsJson;
      return this;
    }

    /**
     * Adds arguments given as plain values.
     *
     * @throws IllegalArgumentException if JSON arguments were given already
     */
    public Builder arguments(Map<String, ?> arguments) {
      Objects.requireNonNull(arguments, "arguments");

      if (argumentsJson != null) {
        throw new IllegalArgumentException(
            "arguments of tool '" + name + "' are given both as JSON and as a map");
      }
      arguments.forEach((key, value) -> this.arguments.put(Objects.requireNonNull(key), value));
      return this;
    }

    /** Adds one argument given as a plain value; see {@link #arguments(Map)}. */
    public Builder argument(String key, @Nullable Object value) {
      Objects.requireNonNull(key, "key");

      Map<String, @Nullable Object> one = new LinkedHashMap<>();
      one.put(key, value);
      return arguments(one);
    }

    /**
     * Sets the timeout of this call. Default the server's request timeout; in 1 ms..24 h. When it
     * passes, the client sends {@code notifications/cancelled} and fails the call.
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");

      if (timeout.compareTo(Duration.ofMillis(1)) < 0
          || timeout.compareTo(Duration.ofHours(24)) > 0) {
        throw new IllegalArgumentException("timeout must be in 1ms..24h, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Sets the listener for progress notifications. Default none, and no progress token. */
    public Builder progressListener(McpProgressListener progressListener) {
      this.progressListener = Objects.requireNonNull(progressListener, "progressListener");
      return this;
    }

    /**
     * Allows an automatic retry even when the tool is not annotated read-only or idempotent.
     * Default false, because a tool call may have side effects.
     */
    public Builder retryOnFailure(boolean retryOnFailure) {
      this.retryOnFailure = retryOnFailure;
      return this;
    }

    /** Returns the call. */
    public McpToolCall build() {
      return new McpToolCall(this);
    }
  }
}
