package dev.ossp.runtime.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the client tells a server about itself and how it handles what the server sends: the client
 * name and version in {@code initialize}, the handlers for server requests (whose presence declares
 * the matching capability), and notification listeners.
 *
 * <p>Instances are immutable and thread-safe when the handlers and listeners are.
 */
public final class McpClientOptions {
  /** The client name sent in {@code initialize} by default. */
  public static final String DEFAULT_CLIENT_NAME = "ossp-runtime";

  /** The client version sent in {@code initialize} by default. */
  public static final String DEFAULT_CLIENT_VERSION = "0.1.0";

  private static final McpClientOptions DEFAULTS = builder().build();

  private final String clientName;
  private final String clientVersion;
  private final @Nullable McpSamplingHandler samplingHandler;
  private final @Nullable McpElicitationHandler elicitationHandler;
  private final List<McpNotificationListener> listeners;

  private McpClientOptions(Builder builder) {
    this.clientName = builder.clientName;
    this.clientVersion = builder.clientVersion;
    this.samplingHandler = builder.samplingHandler;
    this.elicitationHandler = builder.elicitationHandler;
    this.listeners = List.copyOf(builder.listeners);
  }

  /** Returns options without handlers or listeners and the default client info. */
  public static McpClientOptions defaults() {
    return DEFAULTS;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The client name sent in {@code initialize}. */
  public String clientName() {
    return clientName;
  }

  /** The client version sent in {@code initialize}. */
  public String clientVersion() {
    return clientVersion;
  }

  /** The sampling handler; when present the sampling capability is declared. */
  public Optional<McpSamplingHandler> samplingHandler() {
    return Optional.ofNullable(samplingHandler);
  }

  /** The elicitation handler; when present the elicitation capability is declared. */
  public Optional<McpElicitationHandler> elicitationHandler() {
    return Optional.ofNullable(elicitationHandler);
  }

  /** The notification listeners, in registration order. */
  public List<McpNotificationListener> listeners() {
    return listeners;
  }

  /** Builds {@link McpClientOptions}. Not thread-safe. */
  public static final class Builder {
    private String clientName = DEFAULT_CLIENT_NAME;
    private String clientVersion = DEFAULT_CLIENT_VERSION;
    private @Nullable McpSamplingHandler samplingHandler;
    private @Nullable McpElicitationHandler elicitationHandler;
    private final List<McpNotificationListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the client name and version sent in {@code initialize}. Default {@value
     * #DEFAULT_CLIENT_NAME} {@value #DEFAULT_CLIENT_VERSION}.
     *
     * @throws IllegalArgumentException if either is blank
     */
    public Builder clientInfo(String name, String version) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");

      if (name.isBlank() || version.isBlank()) {
        throw new IllegalArgumentException(
            "client name and version must not be blank, were '" + name + "' and '" + version + "'");
      }
      this.clientName = name;
      this.clientVersion = version;
      return this;
    }

    /** Sets the sampling handler. Default none. */
    public Builder samplingHandler(McpSamplingHandler samplingHandler) {
      this.samplingHandler = Objects.requireNonNull(samplingHandler, "samplingHandler");
      return this;
    }

    /** Sets the elicitation handler. Default none. */
    public Builder elicitationHandler(McpElicitationHandler elicitationHandler) {
      this.elicitationHandler = Objects.requireNonNull(elicitationHandler, "elicitationHandler");
      return this;
    }

    /** Adds a notification listener. */
    public Builder listener(McpNotificationListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Returns the options. */
    public McpClientOptions build() {
      return new McpClientOptions(this);
    }
  }
}
