package dev.ossp.runtime.a2a;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The options of one call to an agent: method, body, extra headers, timeouts, the overall deadline,
 * idempotency and auth. Every option left unset takes the target's configured value ({@code
 * a2a.targets.<name>.*}) or the client default.
 *
 * <p>Client defaults, all configurable: connect timeout 5 s, response timeout 30 s (the longest
 * wait for the next bytes of a response), connection-lease timeout 5 s (the longest wait for a
 * pooled connection) and an overall deadline of 60 s that covers every attempt and every wait
 * between attempts.
 *
 * <p>Extra headers are merged with the client's: they never silently remove {@code Authorization},
 * {@code Content-Type} or {@code x-agent-delegation}; a caller who sets one of these here replaces
 * the client's value on purpose. {@link #toString()} prints header names only and never auth
 * settings, because either may carry credentials.
 *
 * <p>Instances are immutable and thread-safe. Build one with {@link #builder()}.
 */
public final class CallOptions {
  private static final CallOptions GET = builder().build();

  private final HttpMethod method;
  private final byte @Nullable [] body;
  private final @Nullable String contentType;
  private final Map<String, String> headers;
  private final @Nullable Duration connectTimeout;
  private final @Nullable Duration responseTimeout;
  private final @Nullable Duration leaseTimeout;
  private final @Nullable Duration deadline;
  private final @Nullable Boolean idempotent;
  private final @Nullable String authProvider;
  private final Map<String, String> authSettings;
  private final List<String> delegationChain;
  private final @Nullable String requestId;
  private final @Nullable String traceparent;
  private final boolean cacheable;
  private final boolean compressRequest;

  private CallOptions(Builder builder) {
    this.method = builder.method;
    this.body = builder.body;
    this.contentType = builder.contentType;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    this.connectTimeout = builder.connectTimeout;
    this.responseTimeout = builder.responseTimeout;
    this.leaseTimeout = builder.leaseTimeout;
    this.deadline = builder.deadline;
    this.idempotent = builder.idempotent;
    this.authProvider = builder.authProvider;
    this.authSettings = Map.copyOf(builder.authSettings);
    this.delegationChain = List.copyOf(builder.delegationChain);
    this.requestId = builder.requestId;
    this.traceparent = builder.traceparent;
    this.cacheable = builder.cacheable;
    this.compressRequest = builder.compressRequest;
  }

  /** Returns a new builder: method GET, no body, every timeout from the target's configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the options of a plain GET with every setting from the target's configuration. */
  public static CallOptions get() {
    return GET;
  }

  /** Returns the options of a POST of {@code json} as {@code application/json}. */
  public static CallOptions postJson(String json) {
    Objects.requireNonNull(json, "json");

    return builder()
        .method(HttpMethod.POST)
        .body(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json")
        .build();
  }

  /** Returns a builder that starts from these options. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.method = method;
    builder.body = body;
    builder.contentType = contentType;
    builder.headers.putAll(headers);
    builder.connectTimeout = connectTimeout;
    builder.responseTimeout = responseTimeout;
    builder.leaseTimeout = leaseTimeout;
    builder.deadline = deadline;
    builder.idempotent = idempotent;
    builder.authProvider = authProvider;
    builder.authSettings.putAll(authSettings);
    builder.delegationChain.addAll(delegationChain);
    builder.requestId = requestId;
    builder.traceparent = traceparent;
    builder.cacheable = cacheable;
    builder.compressRequest = compressRequest;
    return builder;
  }

  /** The HTTP method. */
  public HttpMethod method() {
    return method;
  }

  /** The request body; empty when the request has none. */
  public Optional<byte[]> body() {
    return body == null ? Optional.empty() : Optional.of(body.clone());
  }

  /** The body's length in bytes; 0 without a body. */
  public int bodyLength() {
    return body == null ? 0 : body.length;
  }

  /** The media type of the body. */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /** The extra headers, in the order added. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Returns the extra header {@code name}, ignoring case. */
  public Optional<String> header(String name) {
    Objects.requireNonNull(name, "name");

    for (Map.Entry<String, String> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** The connect timeout for this call. */
  public Optional<Duration> connectTimeout() {
    return Optional.ofNullable(connectTimeout);
  }

  /** The response timeout: the longest wait for the next bytes of the response. */
  public Optional<Duration> responseTimeout() {
    return Optional.ofNullable(responseTimeout);
  }

  /** The longest wait for a pooled connection. */
  public Optional<Duration> leaseTimeout() {
    return Optional.ofNullable(leaseTimeout);
  }

  /** The overall deadline of the call, covering every attempt and every wait between them. */
  public Optional<Duration> deadline() {
    return Optional.ofNullable(deadline);
  }

  /** Whether the caller marked the call idempotent; empty means the method decides. */
  public Optional<Boolean> idempotentOverride() {
    return Optional.ofNullable(idempotent);
  }

  /** Returns whether the call is safe to repeat: the caller's mark, else the method's property. */
  public boolean idempotent() {
    return idempotent == null ? method.idempotent() : idempotent;
  }

  /** The auth provider for this call, replacing the target's configured one. */
  public Optional<String> authProvider() {
    return Optional.ofNullable(authProvider);
  }

  /** Auth settings for this call, merged over the target's configured settings. */
  public Map<String, String> authSettings() {
    return authSettings;
  }

  /** The delegation chain of agents that led to this call, oldest first. */
  public List<String> delegationChain() {
    return delegationChain;
  }

  /** The request id to send as {@code X-Request-Id}; a new one is made when empty. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The W3C {@code traceparent} to propagate. */
  public Optional<String> traceparent() {
    return Optional.ofNullable(traceparent);
  }

  /** Whether a GET may be answered from, and stored in, the response cache. */
  public boolean cacheable() {
    return cacheable;
  }

  /** Whether the body is sent gzip-compressed. */
  public boolean compressRequest() {
    return compressRequest;
  }

  @Override
  public String toString() {
    return "CallOptions[method="
        + method
        + ", body="
        + bodyLength()
        + " bytes, headers="
        + new TreeSet<>(headers.keySet())
        + ", connectTimeout="
        + connectTimeout
        + ", responseTimeout="
        + responseTimeout
        + ", leaseTimeout="
        + leaseTimeout
        + ", deadline="
        + deadline
        + ", idempotent="
        + idempotent()
        + ", authProvider="
        + authProvider
        + ", authSettings="
        + new TreeSet<>(authSettings.keySet())
        + "]";
  }

  /**
   * Builds {@link CallOptions}. Each setter checks its argument and names the option in the error.
   * Not thread-safe.
   */
  public static final class Builder {
    private HttpMethod method = HttpMethod.GET;
    private byte @Nullable [] body;
    private @Nullable String contentType;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable Duration connectTimeout;
    private @Nullable Duration responseTimeout;
    private @Nullable Duration leaseTimeout;
    private @Nullable Duration deadline;
    private @Nullable Boolean idempotent;
    private @Nullable String authProvider;
    private final Map<String, String> authSettings = new LinkedHashMap<>();
    private final List<String> delegationChain = new ArrayList<>();
    private @Nullable String requestId;
    private @Nullable String traceparent;
    private boolean cacheable = true;
    private boolean compressRequest;

    private Builder() {}

    /** Sets the method. Default GET. */
    public Builder method(HttpMethod method) {
      this.method = Objects.requireNonNull(method, "method");
      return this;
    }

    /** Sets the body and its media type, such as {@code application/json}. Default no body. */
    public Builder body(byte[] body, String contentType) {
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(contentType, "contentType");

      this.body = body.clone();
      this.contentType = checkHeaderValue("contentType", contentType);
      return this;
    }

    /**
     * Adds an extra header, replacing an earlier one of the same name (ignoring case).
     *
     * @throws IllegalArgumentException if the name is not an HTTP token or either part holds a line
     *     break
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");

      if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new IllegalArgumentException("header name '" + name + "' is not a valid HTTP token");
      }
      checkHeaderValue("header " + name, value);
      headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
      headers.put(name, value);
      return this;
    }

    /** Sets the connect timeout. Default 5 s or the target's; positive. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /** Sets the longest wait for the next bytes of the response. Default 30 s; positive. */
    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = positive("responseTimeout", timeout);
      return this;
    }

    /** Sets the longest wait for a pooled connection. Default 5 s; positive. */
    public Builder leaseTimeout(Duration timeout) {
      this.leaseTimeout = positive("leaseTimeout", timeout);
      return this;
    }

    /** Sets the overall deadline of the call. Default 60 s or the target's; positive. */
    public Builder deadline(Duration deadline) {
      this.deadline = positive("deadline", deadline);
      return this;
    }

    /**
     * Marks the call safe (or unsafe) to repeat after it may have reached the server. Default: the
     * method decides (GET, HEAD, PUT, DELETE and OPTIONS are idempotent).
     */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /** Sets the auth provider by name for this call, such as {@code bearer}. */
    public Builder authProvider(String name) {
      Objects.requireNonNull(name, "name");

      if (!name.matches("[a-z0-9][a-z0-9-]*")) {
        throw new IllegalArgumentException(
            "authProvider '" + name + "' must be lower-case letters, digits and dashes");
      }
      this.authProvider = name;
      return this;
    }

    /** Sets one auth setting for this call, such as {@code token}. The value is never logged. */
    public Builder authSetting(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");

      authSettings.put(name.toLowerCase(Locale.ROOT), value);
      return this;
    }

    /**
     * Sets the delegation chain, oldest agent first; the client sends it with the calling agent
     * appended as {@code x-agent-delegation: a -> b -> c}. Blank entries are rejected, so the
     * header never carries a placeholder for a missing part.
     */
    public Builder delegationChain(List<String> chain) {
      Objects.requireNonNull(chain, "chain");

      List<String> checked = new ArrayList<>(chain.size());
      for (int i = 0; i < chain.size(); i++) {
        String part = Objects.requireNonNull(chain.get(i), "chain[" + i + "]").strip();
        if (part.isEmpty() || part.contains("->") || part.contains(",")) {
          throw new IllegalArgumentException(
              "delegationChain[" + i + "] must be a non-blank agent id without '->' or ','");
        }
        checkHeaderValue("delegationChain[" + i + "]", part);
        checked.add(part);
      }
      delegationChain.clear();
      delegationChain.addAll(checked);
      return this;
    }

    /** Sets the request id sent as {@code X-Request-Id}. Default a new random id per call. */
    public Builder requestId(String requestId) {
      Objects.requireNonNull(requestId, "requestId");

      if (requestId.isBlank() || requestId.length() > 200) {
        throw new IllegalArgumentException("requestId must be 1..200 characters");
      }
      this.requestId = checkHeaderValue("requestId", requestId);
      return this;
    }

    /**
     * Sets the W3C trace context to propagate.
     *
     * @throws IllegalArgumentException if the value is not {@code version-traceid-parentid-flags}
     */
    public Builder traceparent(String traceparent) {
      Objects.requireNonNull(traceparent, "traceparent");

      if (!traceparent.matches("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")) {
        throw new IllegalArgumentException(
            "traceparent must look like 00-<32 hex>-<16 hex>-<2 hex>, was '" + traceparent + "'");
      }
      this.traceparent = traceparent;
      return this;
    }

    /** Sets whether a GET may use the response cache. Default true. */
    public Builder cacheable(boolean cacheable) {
      this.cacheable = cacheable;
      return this;
    }

    /** Sets whether the body is sent gzip-compressed. Default false. */
    public Builder compressRequest(boolean compressRequest) {
      this.compressRequest = compressRequest;
      return this;
    }

    /**
     * Returns the options.
     *
     * @throws IllegalArgumentException if a GET, HEAD or OPTIONS call has a body
     */
    public CallOptions build() {
      if (body != null
          && (method == HttpMethod.GET
              || method == HttpMethod.HEAD
              || method == HttpMethod.OPTIONS)) {
        throw new IllegalArgumentException(method + " requests must not carry a body");
      }
      return new CallOptions(this);
    }

    private static Duration positive(String option, Duration value) {
      Objects.requireNonNull(value, option);
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(option + " must be positive, was " + value);
      }
      return value;
    }

    private static String checkHeaderValue(String option, String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || c == '\n' || c == 0) {
          throw new IllegalArgumentException(option + " must not contain line breaks or NUL");
        }
      }
      return value;
    }
  }
}
