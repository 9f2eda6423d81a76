package dev.ossp.runtime.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of a retry budget: within any window of {@link #window()}, retries may make up at
 * most {@link #ratio()} of the calls (first attempts) plus {@link #minRetriesPerSecond()} per
 * second of the window.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RetryBudgetConfig {
  /** Default of {@link #ratio()}: 0.2, that is retries up to 20% of calls. */
  public static final double DEFAULT_RATIO = 0.2;

  /** Default of {@link #minRetriesPerSecond()}: 1 retry per second. */
  public static final double DEFAULT_MIN_RETRIES_PER_SECOND = 1.0;

  /** Default of {@link #window()}: 10 seconds. */
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);

  private static final RetryBudgetConfig DEFAULTS = builder().build();

  private final double ratio;
  private final double minRetriesPerSecond;
  private final Duration window;

  private RetryBudgetConfig(Builder builder) {
    this.ratio = builder.ratio;
    this.minRetriesPerSecond = builder.minRetriesPerSecond;
    this.window = builder.window;
  }

  /** Returns a builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from {@code base}. */
  public static Builder from(RetryBudgetConfig base) {
    Objects.requireNonNull(base, "base");

    return new Builder()
        .ratio(base.ratio)
        .minRetriesPerSecond(base.minRetriesPerSecond)
        .window(base.window);
  }

  /** Returns the default configuration: 20% of calls plus 1 retry per second over 10 seconds. */
  public static RetryBudgetConfig defaults() {
    return DEFAULTS;
  }

  /** Retries allowed per call in the window. */
  public double ratio() {
    return ratio;
  }

  /** Retries allowed per second of the window whatever the traffic, so quiet targets can retry. */
  public double minRetriesPerSecond() {
    return minRetriesPerSecond;
  }

  /** The length of the window that calls and retries are counted over, in whole seconds. */
  public Duration window() {
    return window;
  }

  @Override
  public String toString() {
    return "RetryBudgetConfig[ratio="
        + ratio
        + ", minRetriesPerSecond="
        + minRetriesPerSecond
        + ", window="
        + window
        + "]";
  }

  /** Builds a {@link RetryBudgetConfig}. Setters check their argument at once. Not thread-safe. */
  public static final class Builder {
    private double ratio = DEFAULT_RATIO;
    private double minRetriesPerSecond = DEFAULT_MIN_RETRIES_PER_SECOND;
    private Duration window = DEFAULT_WINDOW;

    private Builder() {}

    /** Sets the retries allowed per call. Default 0.2; range 0.0..10.0. */
    public Builder ratio(double ratio) {
      this.ratio = Checks.doubleInRange("ratio", ratio, 0.0, 10.0);
      return this;
    }

    /** Sets the retries allowed per second whatever the traffic. Default 1.0; range 0..10000. */
    public Builder minRetriesPerSecond(double minRetriesPerSecond) {
      this.minRetriesPerSecond =
          Checks.doubleInRange("minRetriesPerSecond", minRetriesPerSecond, 0.0, 10_000.0);
      return this;
    }

    /** Sets the window length. Default 10 s; whole seconds in 1 s..3600 s. */
    public Builder window(Duration window) {
      Objects.requireNonNull(window, "window");
      if (window.getNano() != 0 || window.getSeconds() < 1 || window.getSeconds() > 3_600) {
        throw new IllegalArgumentException(
            "window must be whole seconds in 1s..3600s, was " + window);
      }
      this.window = window;
      return this;
    }

    /** Returns the configuration. */
    public RetryBudgetConfig build() {
      return new RetryBudgetConfig(this);
    }
  }
}
