package dev.ossp.runtime.a2a.internal.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The agent client's settings, read from {@code a2a.*} by the component or built directly for
 * standalone use and tests. Every default is finite. Immutable and thread-safe.
 */
public final class ClientSettings {
  private final Duration connectTimeout;
  private final Duration responseTimeout;
  private final Duration leaseTimeout;
  private final Duration deadline;
  private final Duration cancelTimeout;
  private final long maxResponseBytes;
  private final int poolMaxTotal;
  private final int poolMaxPerRoute;
  private final int poolMinPerRoute;
  private final int poolMaxPerRouteCeiling;
  private final Duration poolIdleTimeout;
  private final Duration validateAfterInactivity;
  private final Duration poolEvaluateInterval;
  private final Duration defaultKeepAlive;
  private final int batchParallelism;
  private final boolean cacheEnabled;
  private final long cacheMaxSize;
  private final Duration cacheMaxTtl;
  private final Duration healthTimeout;
  private final String healthPath;
  private final OutboundPolicy outboundPolicy;
  private final String defaultAuthProvider;
  private final Map<String, String> defaultAuthSettings;
  private final List<TargetOverride> targets;

  private ClientSettings(Builder builder) {
    this.connectTimeout = builder.connectTimeout;
    this.responseTimeout = builder.responseTimeout;
    this.leaseTimeout = builder.leaseTimeout;
    this.deadline = builder.deadline;
    this.cancelTimeout = builder.cancelTimeout;
    this.maxResponseBytes = builder.maxResponseBytes;
    this.poolMaxTotal = builder.poolMaxTotal;
    this.poolMaxPerRoute = builder.poolMaxPerRoute;
    this.poolMinPerRoute = builder.poolMinPerRoute;
    this.poolMaxPerRouteCeiling = builder.poolMaxPerRouteCeiling;
    this.poolIdleTimeout = builder.poolIdleTimeout;
    this.validateAfterInactivity = builder.validateAfterInactivity;
    this.poolEvaluateInterval = builder.poolEvaluateInterval;
    this.defaultKeepAlive = builder.defaultKeepAlive;
    this.batchParallelism = builder.batchParallelism;
    this.cacheEnabled = builder.cacheEnabled;
    this.cacheMaxSize = builder.cacheMaxSize;
    this.cacheMaxTtl = builder.cacheMaxTtl;
    this.healthTimeout = builder.healthTimeout;
    this.healthPath = builder.healthPath;
    this.outboundPolicy = builder.outboundPolicy;
    this.defaultAuthProvider = builder.defaultAuthProvider;
    this.defaultAuthSettings = Map.copyOf(builder.defaultAuthSettings);
    this.targets = List.copyOf(builder.targets);
  }

  /** Returns a builder with the defaults each setter states. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the defaults. */
  public static ClientSettings defaults() {
    return builder().build();
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration responseTimeout() {
    return responseTimeout;
  }

  public Duration leaseTimeout() {
    return leaseTimeout;
  }

  public Duration deadline() {
    return deadline;
  }

  public Duration cancelTimeout() {
    return cancelTimeout;
  }

  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  public int poolMaxTotal() {
    return poolMaxTotal;
  }

  public int poolMaxPerRoute() {
    return poolMaxPerRoute;
  }

  public int poolMinPerRoute() {
    return poolMinPerRoute;
  }

  public int poolMaxPerRouteCeiling() {
    return poolMaxPerRouteCeiling;
  }

  public Duration poolIdleTimeout() {
    return poolIdleTimeout;
  }

  public Duration validateAfterInactivity() {
    return validateAfterInactivity;
  }

  public Duration poolEvaluateInterval() {
    return poolEvaluateInterval;
  }

  public Duration defaultKeepAlive() {
    return defaultKeepAlive;
  }

  public int batchParallelism() {
    return batchParallelism;
  }

  public boolean cacheEnabled() {
    return cacheEnabled;
  }

  public long cacheMaxSize() {
    return cacheMaxSize;
  }

  public Duration cacheMaxTtl() {
    return cacheMaxTtl;
  }

  public Duration healthTimeout() {
    return healthTimeout;
  }

  public String healthPath() {
    return healthPath;
  }

  public OutboundPolicy outboundPolicy() {
    return outboundPolicy;
  }

  public String defaultAuthProvider() {
    return defaultAuthProvider;
  }

  public Map<String, String> defaultAuthSettings() {
    return defaultAuthSettings;
  }

  public List<TargetOverride> targets() {
    return targets;
  }

  @Override
  public String toString() {
    return "ClientSettings[connectTimeout="
        + connectTimeout
        + ", responseTimeout="
        + responseTimeout
        + ", leaseTimeout="
        + leaseTimeout
        + ", deadline="
        + deadline
        + ", pool="
        + poolMaxTotal
        + "/"
        + poolMaxPerRoute
        + ", targets="
        + targets.size()
        + "]";
  }

  /** Builds {@link ClientSettings}; setters reject values out of range. Not thread-safe. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration responseTimeout = Duration.ofSeconds(30);
    private Duration leaseTimeout = Duration.ofSeconds(5);
    private Duration deadline = Duration.ofSeconds(60);
    private Duration cancelTimeout = Duration.ofSeconds(30);
    private long maxResponseBytes = 16L * 1024 * 1024;
    private int poolMaxTotal = 200;
    private int poolMaxPerRoute = 20;
    private int poolMinPerRoute = 2;
    private int poolMaxPerRouteCeiling = 50;
    private Duration poolIdleTimeout = Duration.ofSeconds(30);
    private Duration validateAfterInactivity = Duration.ofSeconds(2);
    private Duration poolEvaluateInterval = Duration.ofSeconds(5);
    private Duration defaultKeepAlive = Duration.ofSeconds(30);
    private int batchParallelism = 8;
    private boolean cacheEnabled = true;
    private long cacheMaxSize = 10_000;
    private Duration cacheMaxTtl = Duration.ofHours(1);
    private Duration healthTimeout = Duration.ofSeconds(2);
    private String healthPath = "/.well-known/agent-card.json";
    private OutboundPolicy outboundPolicy = OutboundPolicy.defaults();
    private String defaultAuthProvider = "none";
    private final Map<String, String> defaultAuthSettings = new LinkedHashMap<>();
    private final List<TargetOverride> targets = new ArrayList<>();

    private Builder() {}

    /** Connect timeout; default 5 s. */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive("connectTimeout", value);
      return this;
    }

    /** Longest wait for the next bytes of a response; default 30 s. */
    public Builder responseTimeout(Duration value) {
      this.responseTimeout = positive("responseTimeout", value);
      return this;
    }

    /** Longest wait for a pooled connection; default 5 s. */
    public Builder leaseTimeout(Duration value) {
      this.leaseTimeout = positive("leaseTimeout", value);
      return this;
    }

    /** Overall deadline per call, retries and waits included; default 60 s. */
    public Builder deadline(Duration value) {
      this.deadline = positive("deadline", value);
      return this;
    }

    /** Deadline of an A2A cancel call; default 30 s. */
    public Builder cancelTimeout(Duration value) {
      this.cancelTimeout = positive("cancelTimeout", value);
      return this;
    }

    /** Largest decoded response body; default 16 MiB; 1 KiB..1 GiB. */
    public Builder maxResponseBytes(long value) {
      if (value < 1024 || value > 1L << 30) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be in 1024..1073741824, was " + value);
      }
      this.maxResponseBytes = value;
      return this;
    }

    /**
     * Pool limits: total, per route at start, floor and ceiling per route for the adaptive
     * strategy. Defaults 200, 20, 2, 50.
     */
    public Builder pool(int maxTotal, int maxPerRoute, int minPerRoute, int maxPerRouteCeiling) {
      new dev.ossp.runtime.pool.PoolSettings(
          "a2a.http",
          maxTotal,
          maxPerRoute,
          minPerRoute,
          maxPerRouteCeiling,
          Duration.ofSeconds(1));
      this.poolMaxTotal = maxTotal;
      this.poolMaxPerRoute = maxPerRoute;
      this.poolMinPerRoute = minPerRoute;
      this.poolMaxPerRouteCeiling = maxPerRouteCeiling;
      return this;
    }

    /** How long an idle connection stays pooled; default 30 s. */
    public Builder poolIdleTimeout(Duration value) {
      this.poolIdleTimeout = positive("poolIdleTimeout", value);
      return this;
    }

    /** Idle time after which a pooled connection is checked before reuse; default 2 s. */
    public Builder validateAfterInactivity(Duration value) {
      this.validateAfterInactivity = positive("validateAfterInactivity", value);
      return this;
    }

    /** How often pool limits are re-evaluated and idle connections evicted; default 5 s. */
    public Builder poolEvaluateInterval(Duration value) {
      this.poolEvaluateInterval = positive("poolEvaluateInterval", value);
      return this;
    }

    /** Keep-alive when the server sends no {@code Keep-Alive: timeout}; default 30 s. */
    public Builder defaultKeepAlive(Duration value) {
      this.defaultKeepAlive = positive("defaultKeepAlive", value);
      return this;
    }

    /** Requests of one batch in flight at a time; default 8; 1..256. */
    public Builder batchParallelism(int value) {
      if (value < 1 || value > 256) {
        throw new IllegalArgumentException("batchParallelism must be in 1..256, was " + value);
      }
      this.batchParallelism = value;
      return this;
    }

    /** Response cache; default on, 10000 entries, entries live at most 1 h. */
    public Builder cache(boolean enabled, long maxSize, Duration maxTtl) {
      if (maxSize < 1) {
        throw new IllegalArgumentException("cacheMaxSize must be >= 1, was " + maxSize);
      }
      this.cacheEnabled = enabled;
      this.cacheMaxSize = maxSize;
      this.cacheMaxTtl = positive("cacheMaxTtl", maxTtl);
      return this;
    }

    /** Health probe timeout and path (used when a card names no health endpoint). */
    public Builder health(Duration timeout, String path) {
      Objects.requireNonNull(path, "path");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("health path must start with '/', was " + path);
      }
      this.healthTimeout = positive("healthTimeout", timeout);
      this.healthPath = path;
      return this;
    }

    /** Which addresses may be called; default rejects link-local and metadata addresses. */
    public Builder outboundPolicy(OutboundPolicy policy) {
      this.outboundPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Auth provider and settings for targets without their own; default {@code none}. */
    public Builder defaultAuth(String provider, Map<String, String> settings) {
      this.defaultAuthProvider = Objects.requireNonNull(provider, "provider");
      this.defaultAuthSettings.clear();
      this.defaultAuthSettings.putAll(Objects.requireNonNull(settings, "settings"));
      return this;
    }

    /** Adds a configured target. */
    public Builder target(TargetOverride target) {
      targets.add(Objects.requireNonNull(target, "target"));
      return this;
    }

    /** Returns the settings. */
    public ClientSettings build() {
      return new ClientSettings(this);
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
