package dev.ossp.runtime.resilience;

import dev.ossp.runtime.backoff.BackoffSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one retry policy. Build one with {@link #builder()}, start from another with
 * {@link #from(RetryConfig)}, or take {@link #defaults()} or a {@link #preset(String)}.
 *
 * <p>{@link #maxAttempts()} counts every call, the first included: 3 means one call and at most two
 * retries. The configuration key {@code max-retries} sets {@code maxAttempts - 1}.
 *
 * <p>Between attempts the policy waits the delay that the {@link
 * dev.ossp.runtime.backoff.BackoffStrategy} named by {@link #backoff()} computes from {@link
 * #baseDelay()}, {@link #multiplier()}, {@link #maxDelay()} and {@link #jitterFactor()}, unless the
 * failure carries a retry-after hint (see {@link #honorRetryAfter()}). A base delay of zero retries
 * at once without consulting a strategy.
 *
 * <p>What is retried: an exception for which {@link #isRetryable(Throwable)} is true and {@link
 * #shouldAbort(Throwable)} is false, or a result for which {@link #shouldRetryResult(Object)} is
 * true. {@link InterruptedException} is never retried.
 *
 * <p>Instances are immutable and thread-safe; the predicates given to the builder must be too.
 */
public final class RetryConfig {
  /** Default of {@link #maxAttempts()}: 3 attempts, so up to 2 retries. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** Default of {@link #backoff()}: {@code decorrelated-jitter}. */
  public static final String DEFAULT_BACKOFF = "decorrelated-jitter";

  /** The largest {@link #maxAttempts()}. */
  public static final int MAX_ATTEMPTS_LIMIT = 1_000;

  private static final RetryConfig DEFAULTS = builder().build();
  private static final Map<String, RetryConfig> PRESETS = createPresets();

  /** What a policy throws when every allowed attempt failed. */
  public enum OnExhaustion {
    /** Throw a {@link RetryExhaustedException} with the attempt count and the last failure. */
    WRAP,
    /** Throw the last failure unchanged. */
    RETHROW
  }

  private final int maxAttempts;
  private final String backoff;
  private final Duration baseDelay;
  private final double multiplier;
  private final Duration maxDelay;
  private final double jitterFactor;
  private final @Nullable Duration maxDuration;
  private final boolean idempotent;
  private final @Nullable Predicate<? super Throwable> retryOnException;
  private final @Nullable Predicate<@Nullable Object> retryOnResult;
  private final @Nullable Predicate<? super Throwable> abortOn;
  private final OnExhaustion onExhaustion;
  private final boolean honorRetryAfter;
  private final boolean budgetEnabled;
  private final @Nullable String budgetName;
  private final @Nullable BackoffSettings backoffSettings;

  private RetryConfig(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.backoff = builder.backoff;
    this.baseDelay = builder.baseDelay;
    this.multiplier = builder.multiplier;
    this.maxDelay = builder.maxDelay;
    this.jitterFactor = builder.jitterFactor;
    this.maxDuration = builder.maxDuration;
    this.idempotent = builder.idempotent;
    this.retryOnException = builder.retryOnException;
    this.retryOnResult = builder.retryOnResult;
    this.abortOn = builder.abortOn;
    this.onExhaustion = builder.onExhaustion;
    this.honorRetryAfter = builder.honorRetryAfter;
    this.budgetEnabled = builder.budgetEnabled;
    this.budgetName = builder.budgetName;
    this.backoffSettings =
        baseDelay.isZero()
            ? null
            : new BackoffSettings(baseDelay, multiplier, maxDelay, jitterFactor);
  }

  /** Returns a builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from {@code base}. */
  public static Builder from(RetryConfig base) {
    Objects.requireNonNull(base, "base");

    return new Builder(base);
  }

  /** Returns the default configuration; see each property for its default. */
  public static RetryConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a preset. Retries are attempts minus one.
   *
   * <table>
   *   <caption>Presets</caption>
   *   <tr><th>name</th><th>retries</th><th>base delay</th><th>max delay</th><th>multiplier</th>
   *       <th>backoff</th></tr>
   *   <tr><td>{@code network}</td><td>3</td><td>1 s</td><td>10 s</td><td>2</td>
   *       <td>decorrelated-jitter</td></tr>
   *   <tr><td>{@code database}</td><td>2</td><td>500 ms</td><td>5 s</td><td>1.5</td>
   *       <td>decorrelated-jitter</td></tr>
   *   <tr><td>{@code file}</td><td>1</td><td>200 ms</td><td>1 s</td><td>1</td><td>fixed</td></tr>
   *   <tr><td>{@code api}</td><td>3</td><td>1 s</td><td>15 s</td><td>2</td>
   *       <td>decorrelated-jitter</td></tr>
   *   <tr><td>{@code critical}</td><td>5</td><td>500 ms</td><td>30 s</td><td>2</td>
   *       <td>decorrelated-jitter</td></tr>
   *   <tr><td>{@code fast}</td><td>2</td><td>100 ms</td><td>1 s</td><td>2</td>
   *       <td>exponential, jitter 0.1</td></tr>
   *   <tr><td>{@code standard}</td><td>3</td><td>1 s</td><td>10 s</td><td>2</td>
   *       <td>exponential, jitter 0.1</td></tr>
   *   <tr><td>{@code slow}</td><td>5</td><td>2 s</td><td>30 s</td><td>2</td>
   *       <td>exponential, jitter 0.1</td></tr>
   *   <tr><td>{@code immediate}</td><td>3</td><td>0</td><td>0</td><td>1</td><td>none</td></tr>
   *   <tr><td>{@code linear}</td><td>3</td><td>1 s</td><td>10 s</td><td>1</td>
   *       <td>linear, jitter 0.1</td></tr>
   * </table>
   *
   * @throws IllegalArgumentException naming the unknown preset and listing the known ones
   */
  public static RetryConfig preset(String name) {
    Objects.requireNonNull(name, "name");

    RetryConfig preset = PRESETS.get(name.toLowerCase(Locale.ROOT));
    if (preset == null) {
      throw new IllegalArgumentException(
          "unknown retry preset '" + name + "'; known presets: " + presetNames());
    }
    return preset;
  }

  /** Returns the preset names, in the order of the table in {@link #preset(String)}. */
  public static Set<String> presetNames() {
    return PRESETS.keySet();
  }

  private static Map<String, RetryConfig> createPresets() {
    Map<String, RetryConfig> presets = new LinkedHashMap<>();
    presets.put("network", presetOf(3, 1_000, 10_000, 2.0, DEFAULT_BACKOFF, 0.5));
    presets.put("database", presetOf(2, 500, 5_000, 1.5, DEFAULT_BACKOFF, 0.5));
    presets.put("file", presetOf(1, 200, 1_000, 1.0, "fixed", 0.0));
    presets.put("api", presetOf(3, 1_000, 15_000, 2.0, DEFAULT_BACKOFF, 0.5));
    presets.put("critical", presetOf(5, 500, 30_000, 2.0, DEFAULT_BACKOFF, 0.5));
    presets.put("fast", presetOf(2, 100, 1_000, 2.0, "exponential", 0.1));
    presets.put("standard", presetOf(3, 1_000, 10_000, 2.0, "exponential", 0.1));
    presets.put("slow", presetOf(5, 2_000, 30_000, 2.0, "exponential", 0.1));
    presets.put("immediate", presetOf(3, 0, 0, 1.0, "fixed", 0.0));
    presets.put("linear", presetOf(3, 1_000, 10_000, 1.0, "linear", 0.1));
    return java.util.Collections.unmodifiableMap(presets);
  }

  private static RetryConfig presetOf(
      int retries,
      long baseMillis,
      long maxMillis,
      double multiplier,
      String backoff,
      double jitterFactor) {
    return builder()
        .maxAttempts(retries + 1)
        .baseDelay(Duration.ofMillis(baseMillis))
        .maxDelay(Duration.ofMillis(maxMillis))
        .multiplier(multiplier)
        .backoff(backoff)
        .jitterFactor(jitterFactor)
        .build();
  }

  /** Every call counted, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The name of the backoff strategy. */
  public String backoff() {
    return backoff;
  }

  /** The first delay and the unit of growth; zero retries at once. */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** Growth per retry for exponential strategies. */
  public double multiplier() {
    return multiplier;
  }

  /** The cap on each delay, applied after jitter and to retry-after hints. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The fraction of a delay that may be randomized. */
  public double jitterFactor() {
    return jitterFactor;
  }

  /** The backoff parameters; empty when the base delay is zero. */
  public Optional<BackoffSettings> backoffSettings() {
    return Optional.ofNullable(backoffSettings);
  }

  /** The overall deadline for all attempts and waits of one call; empty when there is none. */
  public Optional<Duration> maxDuration() {
    return Optional.ofNullable(maxDuration);
  }

  /** Whether the protected call is safe to repeat even after it may have reached the peer. */
  public boolean idempotent() {
    return idempotent;
  }

  /** What a policy throws when every allowed attempt failed. */
  public OnExhaustion onExhaustion() {
    return onExhaustion;
  }

  /** Whether a retry-after hint on the failure replaces the computed delay. */
  public boolean honorRetryAfter() {
    return honorRetryAfter;
  }

  /** Whether retries draw on a {@link RetryBudget}. */
  public boolean budgetEnabled() {
    return budgetEnabled;
  }

  /** The name of the budget to draw on; empty means the budget named like the policy. */
  public Optional<String> budgetName() {
    return Optional.ofNullable(budgetName);
  }

  /**
   * Returns whether {@code error} is worth another attempt: the custom predicate's result, or
   * {@link RetryPredicates#isTransient(Throwable, boolean)} with {@link #idempotent()}. An {@link
   * InterruptedException} is never retryable.
   */
  public boolean isRetryable(Throwable error) {
    Objects.requireNonNull(error, "error");

    Throwable cause = Failures.unwrap(error);
    if (cause instanceof InterruptedException) {
      return false;
    }
    return retryOnException == null
        ? RetryPredicates.isTransient(cause, idempotent)
        : retryOnException.test(cause);
  }

  /** Returns whether {@code error} stops the call at once, whatever else is configured. */
  public boolean shouldAbort(Throwable error) {
    Objects.requireNonNull(error, "error");

    return abortOn != null && abortOn.test(Failures.unwrap(error));
  }

  /** Returns whether {@code result} requests another attempt. */
  public boolean shouldRetryResult(@Nullable Object result) {
    return retryOnResult != null && retryOnResult.test(result);
  }

  /** Whether a result predicate is configured. */
  public boolean hasResultPredicate() {
    return retryOnResult != null;
  }

  @Override
  public String toString() {
    return "RetryConfig[maxAttempts="
        + maxAttempts
        + ", backoff="
        + backoff
        + ", baseDelay="
        + baseDelay
        + ", multiplier="
        + multiplier
        + ", maxDelay="
        + maxDelay
        + ", jitterFactor="
        + jitterFactor
        + ", maxDuration="
        + maxDuration
        + ", idempotent="
        + idempotent
        + ", onExhaustion="
        + onExhaustion
        + ", honorRetryAfter="
        + honorRetryAfter
        + ", budget="
        + (budgetEnabled ? (budgetName == null ? "<policy name>" : budgetName) : "none")
        + "]";
  }

  /**
   * Builds a {@link RetryConfig}. Each setter checks its argument at once and names the property,
   * the value and the valid range when it rejects one. Not thread-safe.
   */
  public static final class Builder {
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private String backoff = DEFAULT_BACKOFF;
    private Duration baseDelay = BackoffSettings.DEFAULTS.baseDelay();
    private double multiplier = BackoffSettings.DEFAULTS.multiplier();
    private Duration maxDelay = BackoffSettings.DEFAULTS.maxDelay();
    private double jitterFactor = BackoffSettings.DEFAULTS.jitterFactor();
    private @Nullable Duration maxDuration;
    private boolean idempotent;
    private @Nullable Predicate<? super Throwable> retryOnException;
    private @Nullable Predicate<@Nullable Object> retryOnResult;
    private @Nullable Predicate<? super Throwable> abortOn;
    private OnExhaustion onExhaustion = OnExhaustion.WRAP;
    private boolean honorRetryAfter = true;
    private boolean budgetEnabled = true;
    private @Nullable String budgetName;

    private Builder() {}

    private Builder(RetryConfig base) {
      maxAttempts = base.maxAttempts;
      backoff = base.backoff;
      baseDelay = base.baseDelay;
      multiplier = base.multiplier;
      maxDelay = base.maxDelay;
      jitterFactor = base.jitterFactor;
      maxDuration = base.maxDuration;
      idempotent = base.idempotent;
      retryOnException = base.retryOnException;
      retryOnResult = base.retryOnResult;
      abortOn = base.abortOn;
      onExhaustion = base.onExhaustion;
      honorRetryAfter = base.honorRetryAfter;
      budgetEnabled = base.budgetEnabled;
      budgetName = base.budgetName;
    }

    /** Sets the number of calls, the first included. Default 3; range 1..1000. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = Checks.intInRange("maxAttempts", maxAttempts, 1, MAX_ATTEMPTS_LIMIT);
      return this;
    }

    /** Sets the number of retries after the first call, that is maxAttempts - 1. Range 0..999. */
    public Builder maxRetries(int maxRetries) {
      Checks.intInRange("maxRetries", maxRetries, 0, MAX_ATTEMPTS_LIMIT - 1);
      this.maxAttempts = maxRetries + 1;
      return this;
    }

    /**
     * Sets the backoff strategy by name: {@code fixed}, {@code linear}, {@code exponential}, {@code
     * exponential-full-jitter}, {@code equal-jitter}, {@code decorrelated-jitter} (the default) or
     * a plugin's name. Whether the name is installed is checked when a policy is created.
     */
    public Builder backoff(String backoff) {
      this.backoff = Checks.name("backoff", backoff);
      return this;
    }

    /**
     * Sets the first delay and the unit of growth. Default 100 ms; zero or positive, where zero
     * retries at once. Must not exceed the max delay, checked by {@link #build()}.
     */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = Checks.notNegative("baseDelay", baseDelay);
      return this;
    }

    /** Sets the growth per retry for exponential strategies. Default 2.0; range 1.0..100.0. */
    public Builder multiplier(double multiplier) {
      this.multiplier = Checks.doubleInRange("multiplier", multiplier, 1.0, 100.0);
      return this;
    }

    /** Sets the cap on each delay. Default 10 s; zero or positive and at least the base delay. */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = Checks.notNegative("maxDelay", maxDelay);
      return this;
    }

    /** Sets the fraction of a delay that may be randomized. Default 0.5; range 0.0..1.0. */
    public Builder jitterFactor(double jitterFactor) {
      this.jitterFactor = Checks.doubleInRange("jitterFactor", jitterFactor, 0.0, 1.0);
      return this;
    }

    /**
     * Sets the overall deadline for all attempts and waits of one call. Default none; positive;
     * null removes it.
     */
    public Builder maxDuration(@Nullable Duration maxDuration) {
      this.maxDuration = maxDuration == null ? null : Checks.positive("maxDuration", maxDuration);
      return this;
    }

    /**
     * Sets whether the call is safe to repeat after it may have reached the peer; the default
     * predicate retries timeouts only then. Default false.
     */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /**
     * Sets the predicate that decides whether an exception is retried, replacing {@link
     * RetryPredicates#isTransient}. It receives the unwrapped exception. Null restores the default.
     */
    public Builder retryOnException(@Nullable Predicate<? super Throwable> retryOnException) {
      this.retryOnException = retryOnException;
      return this;
    }

    /** Sets the predicate that requests another attempt after a result. Default none. */
    public Builder retryOnResult(@Nullable Predicate<@Nullable Object> retryOnResult) {
      this.retryOnResult = retryOnResult;
      return this;
    }

    /**
     * Sets the predicate that stops the call at once with the exception unchanged, checked before
     * the retry predicate. Default none.
     */
    public Builder abortOn(@Nullable Predicate<? super Throwable> abortOn) {
      this.abortOn = abortOn;
      return this;
    }

    /** Sets what is thrown when every attempt failed. Default {@code WRAP}. */
    public Builder onExhaustion(OnExhaustion onExhaustion) {
      this.onExhaustion = Objects.requireNonNull(onExhaustion, "onExhaustion");
      return this;
    }

    /**
     * Sets whether a retry-after hint on the failure ({@link Failures#retryAfter(Throwable)})
     * replaces the computed delay, capped at the max delay. Default true.
     */
    public Builder honorRetryAfter(boolean honorRetryAfter) {
      this.honorRetryAfter = honorRetryAfter;
      return this;
    }

    /** Sets whether retries draw on a retry budget. Default true. */
    public Builder budgetEnabled(boolean budgetEnabled) {
      this.budgetEnabled = budgetEnabled;
      return this;
    }

    /**
     * Sets the name of the budget to draw on, so that several policies share one per target.
     * Default none, meaning the budget named like the policy; null restores that.
     */
    public Builder budgetName(@Nullable String budgetName) {
      this.budgetName = budgetName == null ? null : Checks.nonBlank("budgetName", budgetName);
      return this;
    }

    /**
     * Returns the configuration.
     *
     * @throws IllegalArgumentException if the max delay is below the base delay
     */
    public RetryConfig build() {
      if (maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalArgumentException(
            "maxDelay (" + maxDelay + ") must be at least baseDelay (" + baseDelay + ")");
      }
      return new RetryConfig(this);
    }
  }
}
