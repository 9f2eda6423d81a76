package dev.ossp.runtime.metrics.loadtest;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The settings of a load test, applied to each scenario: the pacing mode, the number of concurrent
 * workers, the target rate of an open-loop run, the warm-up, and the bounds that end the measured
 * phase. A run always ends: the measured phase stops at {@link #duration()} or after {@link
 * #maxRequests()} requests, whichever comes first, and requests still running {@link
 * #drainTimeout()} later are interrupted.
 *
 * <p>Instances are immutable and thread-safe. Build one with {@link #builder()}.
 */
public final class LoadTestConfig {
  /** Default {@link #concurrency()}: 4 workers. */
  public static final int DEFAULT_CONCURRENCY = 4;

  /** Largest {@link #concurrency()}: 1024 workers. */
  public static final int MAX_CONCURRENCY = 1024;

  /** Largest {@link #targetRate()}: one million requests per second. */
  public static final double MAX_TARGET_RATE = 1_000_000;

  /** Default {@link #warmup()}: 2 seconds. */
  public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);

  /** Default {@link #duration()}: 10 seconds. */
  public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);

  /** Largest {@link #duration()} and {@link #warmup()}: 24 hours. */
  public static final Duration MAX_DURATION = Duration.ofHours(24);

  /** Default {@link #drainTimeout()}: 5 seconds. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(5);

  /** Largest {@link #drainTimeout()}: 5 minutes. */
  public static final Duration MAX_DRAIN_TIMEOUT = Duration.ofMinutes(5);

  /** Default {@link #progressInterval()}: 1 second. */
  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(1);

  private final LoadMode mode;
  private final int concurrency;
  private final double targetRate;
  private final Duration warmup;
  private final Duration duration;
  private final long maxRequests;
  private final Duration drainTimeout;
  private final Duration progressInterval;

  private LoadTestConfig(Builder builder) {
    this.mode = builder.mode;
    this.concurrency = builder.concurrency;
    this.targetRate = builder.targetRate;
    this.warmup = builder.warmup;
    this.duration = builder.duration;
    this.maxRequests = builder.maxRequests;
    this.drainTimeout = builder.drainTimeout;
    this.progressInterval = builder.progressInterval;
  }

  /** Returns a builder with every default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from {@code base}. */
  public static Builder from(LoadTestConfig base) {
    Objects.requireNonNull(base, "base");

    Builder builder = new Builder();
    builder.mode = base.mode;
    builder.concurrency = base.concurrency;
    builder.targetRate = base.targetRate;
    builder.warmup = base.warmup;
    builder.duration = base.duration;
    builder.maxRequests = base.maxRequests;
    builder.drainTimeout = base.drainTimeout;
    builder.progressInterval = base.progressInterval;
    return builder;
  }

  /** Returns a closed-loop configuration with every default. */
  public static LoadTestConfig defaults() {
    return builder().build();
  }

  /** Returns the pacing mode; default {@link LoadMode#CLOSED_LOOP}. */
  public LoadMode mode() {
    return mode;
  }

  /** Returns the number of workers sending requests at once. */
  public int concurrency() {
    return concurrency;
  }

  /** Requests started per second in an open-loop run; empty for a closed-loop run. */
  public OptionalDouble targetRate() {
    return Double.isNaN(targetRate) ? OptionalDouble.empty() : OptionalDouble.of(targetRate);
  }

  /** Returns how long each scenario runs unmeasured before the measured phase. */
  public Duration warmup() {
    return warmup;
  }

  /** Returns the maximum length of the measured phase per scenario. */
  public Duration duration() {
    return duration;
  }

  /**
   * Returns the maximum number of requests started in the measured phase; {@link Long#MAX_VALUE}
   * for no count limit.
   */
  public long maxRequests() {
    return maxRequests;
  }

  /**
   * Returns how long requests still running at the end of a phase may take to finish before they
   * are interrupted.
   */
  public Duration drainTimeout() {
    return drainTimeout;
  }

  /** Returns how often a {@link LoadTestListener} receives progress. */
  public Duration progressInterval() {
    return progressInterval;
  }

  @Override
  public String toString() {
    return "LoadTestConfig[mode="
        + mode
        + ", concurrency="
        + concurrency
        + (Double.isNaN(targetRate) ? "" : ", targetRate=" + targetRate + "/s")
        + ", warmup="
        + warmup
        + ", duration="
        + duration
        + (maxRequests == Long.MAX_VALUE ? "" : ", maxRequests=" + maxRequests)
        + ", drainTimeout="
        + drainTimeout
        + "]";
  }

  /** Builds a {@link LoadTestConfig}. Not thread-safe. */
  public static final class Builder {
    private LoadMode mode = LoadMode.CLOSED_LOOP;
    private int concurrency = DEFAULT_CONCURRENCY;
    private double targetRate = Double.NaN;
    private Duration warmup = DEFAULT_WARMUP;
    private Duration duration = DEFAULT_DURATION;
    private long maxRequests = Long.MAX_VALUE;
    private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;
    private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;

    private Builder() {}

    /** Sets the pacing mode; default {@link LoadMode#CLOSED_LOOP}. */
    public Builder mode(LoadMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets the number of workers, in 1..{@value #MAX_CONCURRENCY}; default {@value
     * #DEFAULT_CONCURRENCY}.
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
        throw new IllegalArgumentException(
            "concurrency must be in 1.." + MAX_CONCURRENCY + ", was " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Sets the requests started per second of an open-loop run, above 0 and at most one million.
     * Required for {@link LoadMode#OPEN_LOOP}, rejected by {@link #build()} for a closed loop.
     */
    public Builder targetRate(double perSecond) {
      if (!(perSecond > 0) || perSecond > MAX_TARGET_RATE) {
        throw new IllegalArgumentException(
            "targetRate must be in (0, "
                + (long) MAX_TARGET_RATE
                + "] per second, was "
                + perSecond);
      }
      this.targetRate = perSecond;
      return this;
    }

    /** Sets the unmeasured warm-up per scenario, in 0..24h; default 2s. */
    public Builder warmup(Duration warmup) {
      this.warmup = checkRange("warmup", warmup, Duration.ZERO, MAX_DURATION);
      return this;
    }

    /** Sets the maximum length of the measured phase per scenario, in (0, 24h]; default 10s. */
    public Builder duration(Duration duration) {
      Objects.requireNonNull(duration, "duration");

      if (duration.isZero()) {
        throw new IllegalArgumentException("duration must be > 0, was 0s");
      }
      this.duration = checkRange("duration", duration, Duration.ZERO, MAX_DURATION);
      return this;
    }

    /**
     * Sets the maximum number of requests started in the measured phase, at least 1; default no
     * count limit.
     */
    public Builder maxRequests(long maxRequests) {
      if (maxRequests < 1) {
        throw new IllegalArgumentException("maxRequests must be >= 1, was " + maxRequests);
      }
      this.maxRequests = maxRequests;
      return this;
    }

    /**
     * Sets how long requests still running at the end of a phase may finish before they are
     * interrupted, in 0..5m; default 5s.
     */
    public Builder drainTimeout(Duration drainTimeout) {
      this.drainTimeout =
          checkRange("drainTimeout", drainTimeout, Duration.ZERO, MAX_DRAIN_TIMEOUT);
      return this;
    }

    /** Sets how often listeners hear about progress, in 100ms..1m; default 1s. */
    public Builder progressInterval(Duration progressInterval) {
      this.progressInterval =
          checkRange(
              "progressInterval", progressInterval, Duration.ofMillis(100), Duration.ofMinutes(1));
      return this;
    }

    /**
     * Returns the configuration.
     *
     * @throws IllegalArgumentException if an open-loop run has no target rate, or a closed-loop run
     *     has one
     */
    public LoadTestConfig build() {
      if (mode == LoadMode.OPEN_LOOP && Double.isNaN(targetRate)) {
        throw new IllegalArgumentException("an OPEN_LOOP load test needs a targetRate");
      }
      if (mode == LoadMode.CLOSED_LOOP && !Double.isNaN(targetRate)) {
        throw new IllegalArgumentException(
            "a CLOSED_LOOP load test paces itself, so targetRate ("
                + targetRate
                + "/s) must not be set; use OPEN_LOOP for a fixed rate");
      }
      return new LoadTestConfig(this);
    }

    private static Duration checkRange(String name, Duration value, Duration min, Duration max) {
      Objects.requireNonNull(value, name);

      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            name + " must be in " + min + ".." + max + ", was " + value);
      }
      return value;
    }
  }
}
