package dev.ossp.runtime.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of the adaptive tuner, an opt-in task that adjusts breakers and retry policies from
 * what it observes.
 *
 * <p>Every {@link #interval()}, for each target (a breaker and the retry policy of the same name),
 * the tuner computes the failure rate of the calls recorded since the previous run. With fewer than
 * {@link #minCallsPerInterval()} calls it changes nothing. At or above {@link #highFailureRate()}
 * it lowers the breaker's failure threshold by one, lowers the policy's max attempts by one and
 * doubles its base delay. At or below {@link #lowFailureRate()} it moves each of them one step back
 * toward the value configured before tuning. Every value stays within its bounds here, and each
 * change is logged at INFO with the old value, the new one and the reason.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AdaptiveTuningConfig {
  private static final AdaptiveTuningConfig DEFAULTS = builder().build();

  private final boolean enabled;
  private final Duration interval;
  private final int minCallsPerInterval;
  private final double highFailureRate;
  private final double lowFailureRate;
  private final int minFailureThreshold;
  private final int maxFailureThreshold;
  private final int minMaxAttempts;
  private final int maxMaxAttempts;
  private final Duration minBaseDelay;
  private final Duration maxBaseDelay;
  private final Set<String> targets;

  private AdaptiveTuningConfig(Builder builder) {
    this.enabled = builder.enabled;
    this.interval = builder.interval;
    this.minCallsPerInterval = builder.minCallsPerInterval;
    this.highFailureRate = builder.highFailureRate;
    this.lowFailureRate = builder.lowFailureRate;
    this.minFailureThreshold = builder.minFailureThreshold;
    this.maxFailureThreshold = builder.maxFailureThreshold;
    this.minMaxAttempts = builder.minMaxAttempts;
    this.maxMaxAttempts = builder.maxMaxAttempts;
    this.minBaseDelay = builder.minBaseDelay;
    this.maxBaseDelay = builder.maxBaseDelay;
    this.targets = Set.copyOf(builder.targets);
  }

  /** Returns a builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the defaults: disabled, every 30 s, bounds as documented on each setter. */
  public static AdaptiveTuningConfig defaults() {
    return DEFAULTS;
  }

  /** Whether the tuner runs. */
  public boolean enabled() {
    return enabled;
  }

  /** The time between runs. */
  public Duration interval() {
    return interval;
  }

  /** The fewest calls in an interval that the tuner acts on. */
  public int minCallsPerInterval() {
    return minCallsPerInterval;
  }

  /** The failure rate in percent at or above which the tuner tightens. */
  public double highFailureRate() {
    return highFailureRate;
  }

  /** The failure rate in percent at or below which the tuner relaxes. */
  public double lowFailureRate() {
    return lowFailureRate;
  }

  /** The lowest failure threshold the tuner sets. */
  public int minFailureThreshold() {
    return minFailureThreshold;
  }

  /** The highest failure threshold the tuner sets. */
  public int maxFailureThreshold() {
    return maxFailureThreshold;
  }

  /** The lowest max attempts the tuner sets. */
  public int minMaxAttempts() {
    return minMaxAttempts;
  }

  /** The highest max attempts the tuner sets. */
  public int maxMaxAttempts() {
    return maxMaxAttempts;
  }

  /** The shortest base delay the tuner sets. */
  public Duration minBaseDelay() {
    return minBaseDelay;
  }

  /** The longest base delay the tuner sets. */
  public Duration maxBaseDelay() {
    return maxBaseDelay;
  }

  /** The names of the targets to tune; empty means every breaker and policy. */
  public Set<String> targets() {
    return targets;
  }

  @Override
  public String toString() {
    return "AdaptiveTuningConfig[enabled="
        + enabled
        + ", interval="
        + interval
        + ", minCallsPerInterval="
        + minCallsPerInterval
        + ", failureRates="
        + lowFailureRate
        + "%.."
        + highFailureRate
        + "%, failureThreshold="
        + minFailureThreshold
        + ".."
        + maxFailureThreshold
        + ", maxAttempts="
        + minMaxAttempts
        + ".."
        + maxMaxAttempts
        + ", baseDelay="
        + minBaseDelay
        + ".."
        + maxBaseDelay
        + ", targets="
        + (targets.isEmpty() ? "all" : targets)
        + "]";
  }

  /** Builds an {@link AdaptiveTuningConfig}. Setters check their argument at once. */
  public static final class Builder {
    private boolean enabled;
    private Duration interval = Duration.ofSeconds(30);
    private int minCallsPerInterval = 20;
    private double highFailureRate = 50.0;
    private double lowFailureRate = 5.0;
    private int minFailureThreshold = 2;
    private int maxFailureThreshold = 10;
    private int minMaxAttempts = 1;
    private int maxMaxAttempts = 5;
    private Duration minBaseDelay = Duration.ofMillis(50);
    private Duration maxBaseDelay = Duration.ofSeconds(5);
    private Set<String> targets = Set.of();

    private Builder() {}

    /** Sets whether the tuner runs. Default false. */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Sets the time between runs. Default 30 s; positive. */
    public Builder interval(Duration interval) {
      this.interval = Checks.positive("interval", interval);
      return this;
    }

    /** Sets the fewest calls per interval the tuner acts on. Default 20; range 1..1000000. */
    public Builder minCallsPerInterval(int minCallsPerInterval) {
      this.minCallsPerInterval =
          Checks.intInRange("minCallsPerInterval", minCallsPerInterval, 1, 1_000_000);
      return this;
    }

    /** Sets the failure rate in percent that tightens. Default 50; range 0..100. */
    public Builder highFailureRate(double highFailureRate) {
      this.highFailureRate = Checks.doubleInRange("highFailureRate", highFailureRate, 0.0, 100.0);
      return this;
    }

    /** Sets the failure rate in percent that relaxes. Default 5; range 0..100. */
    public Builder lowFailureRate(double lowFailureRate) {
      this.lowFailureRate = Checks.doubleInRange("lowFailureRate", lowFailureRate, 0.0, 100.0);
      return this;
    }

    /** Sets the failure threshold bounds. Default 2..10; range 1..1000000, min at most max. */
    public Builder failureThresholdBounds(int min, int max) {
      Checks.intInRange("minFailureThreshold", min, 1, 1_000_000);
      Checks.intInRange("maxFailureThreshold", max, min, 1_000_000);
      this.minFailureThreshold = min;
      this.maxFailureThreshold = max;
      return this;
    }

    /** Sets the max attempts bounds. Default 1..5; range 1..1000, min at most max. */
    public Builder maxAttemptsBounds(int min, int max) {
      Checks.intInRange("minMaxAttempts", min, 1, RetryConfig.MAX_ATTEMPTS_LIMIT);
      Checks.intInRange("maxMaxAttempts", max, min, RetryConfig.MAX_ATTEMPTS_LIMIT);
      this.minMaxAttempts = min;
      this.maxMaxAttempts = max;
      return this;
    }

    /** Sets the base delay bounds. Default 50 ms..5 s; positive, min at most max. */
    public Builder baseDelayBounds(Duration min, Duration max) {
      Checks.positive("minBaseDelay", min);
      Checks.positive("maxBaseDelay", max);
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException(
            "maxBaseDelay (" + max + ") must be at least minBaseDelay (" + min + ")");
      }
      this.minBaseDelay = min;
      this.maxBaseDelay = max;
      return this;
    }

    /** Sets the names of the targets to tune. Default empty, meaning all. */
    public Builder targets(Set<String> targets) {
      this.targets = Set.copyOf(Objects.requireNonNull(targets, "targets"));
      return this;
    }

    /**
     * Returns the configuration.
     *
     * @throws IllegalArgumentException if the low failure rate is not below the high one
     */
    public AdaptiveTuningConfig build() {
      if (lowFailureRate >= highFailureRate) {
        throw new IllegalArgumentException(
            "lowFailureRate ("
                + lowFailureRate
                + ") must be below highFailureRate ("
                + highFailureRate
                + ")");
      }
      return new AdaptiveTuningConfig(this);
    }
  }
}
