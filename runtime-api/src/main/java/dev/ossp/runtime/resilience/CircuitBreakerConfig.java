package dev.ossp.runtime.resilience;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one circuit breaker. Build one with {@link #builder()}, start from another with
 * {@link #from(CircuitBreakerConfig)}, or take {@link #defaults()} or a {@link #preset(String)}.
 *
 * <h2>Tripping</h2>
 *
 * <p>Three triggers open a CLOSED breaker; each can be turned off with 0:
 *
 * <ul>
 *   <li>{@link #failureThreshold()} consecutive failures (default 5);
 *   <li>a failure rate of at least {@link #failureRateThreshold()} percent (default 50) over the
 *       sliding window;
 *   <li>a slow-call rate of at least {@link #slowCallRateThreshold()} percent (default 100) over
 *       the window, counting calls that took at least {@link #slowCallDurationThreshold()}; slow
 *       calls are only counted when that threshold is set.
 * </ul>
 *
 * <p>The rates are only computed once the window holds {@link #minimumNumberOfCalls()} calls;
 * before that the metrics report "not enough data".
 *
 * <h2>Classification</h2>
 *
 * <p>{@link #classify(Throwable)} decides what an exception counts as, after unwrapping {@link
 * java.util.concurrent.CompletionException} and {@link java.util.concurrent.ExecutionException}:
 *
 * <ol>
 *   <li>an exception matched by an ignore rule is ignored, even when a record rule matches it too
 *       (ignore wins);
 *   <li>an exception matched by a record rule is a failure;
 *   <li>any other exception is a failure when {@link #recordUnclassifiedExceptions()} is true (the
 *       default) and a success otherwise.
 * </ol>
 *
 * <p>Rules are exception classes (matched with {@code instanceof}), predicates, and {@link
 * ErrorKind}s of {@link OsspException}s. A result matched by {@link #recordResult()} is a failure,
 * for example an HTTP 503 response object.
 *
 * <p>Instances are immutable and thread-safe; the predicates given to the builder must be too.
 */
public final class CircuitBreakerConfig {
  /** Default of {@link #failureThreshold()}: 5 consecutive failures. */
  public static final int DEFAULT_FAILURE_THRESHOLD = 5;

  /** Default of {@link #successThreshold()}: 3 successful probes. */
  public static final int DEFAULT_SUCCESS_THRESHOLD = 3;

  /** Default of {@link #openDuration()}: 60 seconds. */
  public static final Duration DEFAULT_OPEN_DURATION = Duration.ofSeconds(60);

  /** Default of {@link #maxOpenDuration()}: 30 minutes. */
  public static final Duration DEFAULT_MAX_OPEN_DURATION = Duration.ofMinutes(30);

  /** Default of {@link #failureRateThreshold()}: 50 percent. */
  public static final double DEFAULT_FAILURE_RATE_THRESHOLD = 50.0;

  /** Default of {@link #slowCallRateThreshold()}: 100 percent. */
  public static final double DEFAULT_SLOW_CALL_RATE_THRESHOLD = 100.0;

  /** Default of {@link #slidingWindowSize()}: 100 calls. */
  public static final int DEFAULT_SLIDING_WINDOW_SIZE = 100;

  /** Default of {@link #minimumNumberOfCalls()}: 100 calls. */
  public static final int DEFAULT_MINIMUM_NUMBER_OF_CALLS = 100;

  /** Default of {@link #permittedCallsInHalfOpen()}: 1 probe at a time. */
  public static final int DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN = 1;

  /** Default of {@link #maxWaitInHalfOpen()}: 60 seconds. */
  public static final Duration DEFAULT_MAX_WAIT_IN_HALF_OPEN = Duration.ofSeconds(60);

  /** The largest count-based window, in calls. */
  public static final int MAX_COUNT_WINDOW_SIZE = 100_000;

  /** The largest time-based window, in seconds. */
  public static final int MAX_TIME_WINDOW_SIZE = 3_600;

  private static final int MAX_COUNT = 1_000_000;
  private static final CircuitBreakerConfig DEFAULTS = builder().build();
  private static final Map<String, CircuitBreakerConfig> PRESETS = createPresets();

  /** How the sliding window that the rates are computed over is measured. */
  public enum SlidingWindowType {
    /** The last {@link #slidingWindowSize()} calls. */
    COUNT_BASED,
    /** The calls of the last {@link #slidingWindowSize()} seconds. */
    TIME_BASED;

    /** The name used in configuration: {@code count-based} or {@code time-based}. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** What {@link #classify(Throwable)} decides for an exception. */
  public enum Classification {
    /** The call counts as failed. */
    FAILURE,
    /** The call counts as successful. */
    SUCCESS,
    /** The call is not recorded at all. */
    IGNORED
  }

  /** Computes how long the breaker stays open from the number of consecutive openings. */
  @FunctionalInterface
  public interface OpenDurationFunction {
    /**
     * Returns the open duration.
     *
     * @param consecutiveOpenings 1 for the first opening since the breaker last closed, 2 for the
     *     next, and so on
     */
    Duration openDuration(int consecutiveOpenings);
  }

  private final int failureThreshold;
  private final int successThreshold;
  private final Duration openDuration;
  private final double openDurationMultiplier;
  private final Duration maxOpenDuration;
  private final @Nullable OpenDurationFunction openDurationFunction;
  private final boolean honorRetryAfter;
  private final double failureRateThreshold;
  private final double slowCallRateThreshold;
  private final @Nullable Duration slowCallDurationThreshold;
  private final SlidingWindowType slidingWindowType;
  private final int slidingWindowSize;
  private final int minimumNumberOfCalls;
  private final int permittedCallsInHalfOpen;
  private final Duration maxWaitInHalfOpen;
  private final boolean automaticTransition;
  private final List<Class<? extends Throwable>> ignoreExceptions;
  private final List<Class<? extends Throwable>> recordExceptions;
  private final List<Predicate<? super Throwable>> ignorePredicates;
  private final List<Predicate<? super Throwable>> recordPredicates;
  private final Set<ErrorKind> ignoreErrorKinds;
  private final Set<ErrorKind> recordErrorKinds;
  private final boolean recordUnclassifiedExceptions;
  private final @Nullable Predicate<@Nullable Object> recordResult;

  private CircuitBreakerConfig(Builder builder) {
    this.failureThreshold = builder.failureThreshold;
    this.successThreshold = builder.successThreshold;
    this.openDuration = builder.openDuration;
    this.openDurationMultiplier = builder.openDurationMultiplier;
    this.maxOpenDuration = builder.maxOpenDuration;
    this.openDurationFunction = builder.openDurationFunction;
    this.honorRetryAfter = builder.honorRetryAfter;
    this.failureRateThreshold = builder.failureRateThreshold;
    this.slowCallRateThreshold = builder.slowCallRateThreshold;
    this.slowCallDurationThreshold = builder.slowCallDurationThreshold;
    this.slidingWindowType = builder.slidingWindowType;
    this.slidingWindowSize = builder.slidingWindowSize;
    this.minimumNumberOfCalls = builder.minimumNumberOfCalls;
    this.permittedCallsInHalfOpen = builder.permittedCallsInHalfOpen;
    this.maxWaitInHalfOpen = builder.maxWaitInHalfOpen;
    this.automaticTransition = builder.automaticTransition;
    this.ignoreExceptions = List.copyOf(builder.ignoreExceptions);
    this.recordExceptions = List.copyOf(builder.recordExceptions);
    this.ignorePredicates = List.copyOf(builder.ignorePredicates);
    this.recordPredicates = List.copyOf(builder.recordPredicates);
    this.ignoreErrorKinds = Set.copyOf(builder.ignoreErrorKinds);
    this.recordErrorKinds = Set.copyOf(builder.recordErrorKinds);
    this.recordUnclassifiedExceptions = builder.recordUnclassifiedExceptions;
    this.recordResult = builder.recordResult;
  }

  /** Returns a builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from {@code base}. */
  public static Builder from(CircuitBreakerConfig base) {
    Objects.requireNonNull(base, "base");

    return new Builder(base);
  }

  /** Returns the default configuration; see each property for its default. */
  public static CircuitBreakerConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a preset: the defaults with a failure threshold, success threshold and open duration
   * chosen for a kind of target.
   *
   * <table>
   *   <caption>Presets</caption>
   *   <tr><th>name</th><th>failure threshold</th><th>success threshold</th><th>open duration</th>
   *   <tr><td>{@code fast-reliable}</td><td>3</td><td>2</td><td>30 s</td>
   *   <tr><td>{@code slow-reliable}</td><td>2</td><td>1</td><td>60 s</td>
   *   <tr><td>{@code fast-unreliable}</td><td>5</td><td>3</td><td>30 s</td>
   *   <tr><td>{@code slow-unreliable}</td><td>3</td><td>2</td><td>120 s</td>
   *   <tr><td>{@code critical}</td><td>2</td><td>1</td><td>30 s</td>
   * </table>
   *
   * @throws IllegalArgumentException naming the unknown preset and listing the known ones
   */
  public static CircuitBreakerConfig preset(String name) {
    Objects.requireNonNull(name, "name");

    CircuitBreakerConfig preset = PRESETS.get(name.toLowerCase(Locale.ROOT));
    if (preset == null) {
      throw new IllegalArgumentException(
          "unknown circuit breaker preset '" + name + "'; known presets: " + presetNames());
    }
    return preset;
  }

  /** Returns the preset names, in the order of the table in {@link #preset(String)}. */
  public static Set<String> presetNames() {
    return PRESETS.keySet();
  }

  private static Map<String, CircuitBreakerConfig> createPresets() {
    Map<String, CircuitBreakerConfig> presets = new LinkedHashMap<>();
    presets.put("fast-reliable", presetOf(3, 2, 30));
    presets.put("slow-reliable", presetOf(2, 1, 60));
    presets.put("fast-unreliable", presetOf(5, 3, 30));
    presets.put("slow-unreliable", presetOf(3, 2, 120));
    presets.put("critical", presetOf(2, 1, 30));
    return java.util.Collections.unmodifiableMap(presets);
  }

  private static CircuitBreakerConfig presetOf(
      int failureThreshold, int successThreshold, long openSeconds) {
    return builder()
        .failureThreshold(failureThreshold)
        .successThreshold(successThreshold)
        .openDuration(Duration.ofSeconds(openSeconds))
        .build();
  }

  /** Consecutive failures that open the breaker; 0 turns this trigger off. */
  public int failureThreshold() {
    return failureThreshold;
  }

  /** Successful probes in HALF_OPEN that close the breaker. */
  public int successThreshold() {
    return successThreshold;
  }

  /** How long the breaker stays open after its first opening. */
  public Duration openDuration() {
    return openDuration;
  }

  /** The factor the open duration grows by with each consecutive opening; 1.0 keeps it fixed. */
  public double openDurationMultiplier() {
    return openDurationMultiplier;
  }

  /** The cap on the open duration, for growth and for retry-after hints alike. */
  public Duration maxOpenDuration() {
    return maxOpenDuration;
  }

  /** The custom open-duration function, when one replaces the multiplier. */
  public Optional<OpenDurationFunction> openDurationFunction() {
    return Optional.ofNullable(openDurationFunction);
  }

  /**
   * Whether a retry-after hint on the failure that opens the breaker (an {@link OsspException}
   * whose context has {@link dev.ossp.runtime.error.ErrorContext#retryAfter()}) replaces the
   * computed open duration, capped at {@link #maxOpenDuration()}.
   */
  public boolean honorRetryAfter() {
    return honorRetryAfter;
  }

  /** The failure rate in percent that opens the breaker; 0 turns this trigger off. */
  public double failureRateThreshold() {
    return failureRateThreshold;
  }

  /** The slow-call rate in percent that opens the breaker; 0 turns this trigger off. */
  public double slowCallRateThreshold() {
    return slowCallRateThreshold;
  }

  /** The duration from which a call counts as slow; empty when slow calls are not counted. */
  public Optional<Duration> slowCallDurationThreshold() {
    return Optional.ofNullable(slowCallDurationThreshold);
  }

  /** Whether the window counts calls or seconds. */
  public SlidingWindowType slidingWindowType() {
    return slidingWindowType;
  }

  /** The window size: calls for a count-based window, seconds for a time-based one. */
  public int slidingWindowSize() {
    return slidingWindowSize;
  }

  /** The number of calls the window must hold before rates are computed. */
  public int minimumNumberOfCalls() {
    return minimumNumberOfCalls;
  }

  /** The number of probes HALF_OPEN admits at a time. */
  public int permittedCallsInHalfOpen() {
    return permittedCallsInHalfOpen;
  }

  /** How long HALF_OPEN waits for a probe in flight before it opens the breaker again. */
  public Duration maxWaitInHalfOpen() {
    return maxWaitInHalfOpen;
  }

  /** Whether a scheduler moves OPEN to HALF_OPEN when the wait ends, instead of the next call. */
  public boolean automaticTransition() {
    return automaticTransition;
  }

  /** Exception classes that are ignored. */
  public List<Class<? extends Throwable>> ignoreExceptions() {
    return ignoreExceptions;
  }

  /** Exception classes that count as failures. */
  public List<Class<? extends Throwable>> recordExceptions() {
    return recordExceptions;
  }

  /** Error kinds of {@link OsspException}s that are ignored. */
  public Set<ErrorKind> ignoreErrorKinds() {
    return ignoreErrorKinds;
  }

  /** Error kinds of {@link OsspException}s that count as failures. */
  public Set<ErrorKind> recordErrorKinds() {
    return recordErrorKinds;
  }

  /** Whether an exception that no rule matches counts as a failure (true) or a success. */
  public boolean recordUnclassifiedExceptions() {
    return recordUnclassifiedExceptions;
  }

  /** The predicate that marks a result as a failure, if any. */
  public Optional<Predicate<@Nullable Object>> recordResult() {
    return Optional.ofNullable(recordResult);
  }

  /**
   * Classifies an exception by the rules in the class description.
   *
   * @param error what a call threw; wrapping {@code CompletionException}s and {@code
   *     ExecutionException}s are removed first
   */
  public Classification classify(Throwable error) {
    Objects.requireNonNull(error, "error");

    Throwable cause = Failures.unwrap(error);
    if (matches(cause, ignoreExceptions, ignorePredicates, ignoreErrorKinds)) {
      return Classification.IGNORED;
    }
    if (matches(cause, recordExceptions, recordPredicates, recordErrorKinds)) {
      return Classification.FAILURE;
    }
    return recordUnclassifiedExceptions ? Classification.FAILURE : Classification.SUCCESS;
  }

  /** Returns whether {@code result} counts as a failure by {@link #recordResult()}. */
  public boolean isFailureResult(@Nullable Object result) {
    return recordResult != null && recordResult.test(result);
  }

  /**
   * Returns how long the breaker stays open for its {@code consecutiveOpenings}-th consecutive
   * opening: the custom function's result, or {@code openDuration × multiplier^(n-1)}, capped at
   * {@link #maxOpenDuration()} either way.
   *
   * @throws IllegalArgumentException if {@code consecutiveOpenings} is below 1
   */
  public Duration openDurationFor(int consecutiveOpenings) {
    Checks.intInRange("consecutiveOpenings", consecutiveOpenings, 1, Integer.MAX_VALUE);

    Duration duration;
    if (openDurationFunction != null) {
      duration = Objects.requireNonNull(openDurationFunction.openDuration(consecutiveOpenings));
      if (duration.isNegative()) {
        duration = Duration.ZERO;
      }
    } else {
      double nanos =
          openDuration.toNanos() * Math.pow(openDurationMultiplier, consecutiveOpenings - 1.0);
      duration =
          nanos >= maxOpenDuration.toNanos() ? maxOpenDuration : Duration.ofNanos((long) nanos);
    }
    return duration.compareTo(maxOpenDuration) > 0 ? maxOpenDuration : duration;
  }

  private static boolean matches(
      Throwable error,
      List<Class<? extends Throwable>> classes,
      List<Predicate<? super Throwable>> predicates,
      Set<ErrorKind> kinds) {
    for (Class<? extends Throwable> type : classes) {
      if (type.isInstance(error)) {
        return true;
      }
    }
    for (Predicate<? super Throwable> predicate : predicates) {
      if (predicate.test(error)) {
        return true;
      }
    }
    return !kinds.isEmpty() && error instanceof OsspException ossp && kinds.contains(ossp.kind());
  }

  @Override
  public String toString() {
    return "CircuitBreakerConfig[failureThreshold="
        + failureThreshold
        + ", successThreshold="
        + successThreshold
        + ", openDuration="
        + openDuration
        + ", openDurationMultiplier="
        + openDurationMultiplier
        + ", maxOpenDuration="
        + maxOpenDuration
        + ", failureRateThreshold="
        + failureRateThreshold
        + ", slowCallRateThreshold="
        + slowCallRateThreshold
        + ", slowCallDurationThreshold="
        + slowCallDurationThreshold
        + ", slidingWindow="
        + slidingWindowType.configName()
        + "/"
        + slidingWindowSize
        + ", minimumNumberOfCalls="
        + minimumNumberOfCalls
        + ", permittedCallsInHalfOpen="
        + permittedCallsInHalfOpen
        + ", maxWaitInHalfOpen="
        + maxWaitInHalfOpen
        + ", automaticTransition="
        + automaticTransition
        + "]";
  }

  /**
   * Builds a {@link CircuitBreakerConfig}. Each setter checks its argument at once and names the
   * property, the value and the valid range when it rejects one. Not thread-safe.
   */
  public static final class Builder {
    private int failureThreshold = DEFAULT_FAILURE_THRESHOLD;
    private int successThreshold = DEFAULT_SUCCESS_THRESHOLD;
    private Duration openDuration = DEFAULT_OPEN_DURATION;
    private double openDurationMultiplier = 1.0;
    private Duration maxOpenDuration = DEFAULT_MAX_OPEN_DURATION;
    private @Nullable OpenDurationFunction openDurationFunction;
    private boolean honorRetryAfter = true;
    private double failureRateThreshold = DEFAULT_FAILURE_RATE_THRESHOLD;
    private double slowCallRateThreshold = DEFAULT_SLOW_CALL_RATE_THRESHOLD;
    private @Nullable Duration slowCallDurationThreshold;
    private SlidingWindowType slidingWindowType = SlidingWindowType.COUNT_BASED;
    private int slidingWindowSize = DEFAULT_SLIDING_WINDOW_SIZE;
    private int minimumNumberOfCalls = DEFAULT_MINIMUM_NUMBER_OF_CALLS;
    private int permittedCallsInHalfOpen = DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN;
    private Duration maxWaitInHalfOpen = DEFAULT_MAX_WAIT_IN_HALF_OPEN;
    private boolean automaticTransition;
    private final List<Class<? extends Throwable>> ignoreExceptions = new ArrayList<>();
    private final List<Class<? extends Throwable>> recordExceptions = new ArrayList<>();
    private final List<Predicate<? super Throwable>> ignorePredicates = new ArrayList<>();
    private final List<Predicate<? super Throwable>> recordPredicates = new ArrayList<>();
    private final Set<ErrorKind> ignoreErrorKinds = EnumSet.noneOf(ErrorKind.class);
    private final Set<ErrorKind> recordErrorKinds = EnumSet.noneOf(ErrorKind.class);
    private boolean recordUnclassifiedExceptions = true;
    private @Nullable Predicate<@Nullable Object> recordResult;

    private Builder() {}

    private Builder(CircuitBreakerConfig base) {
      failureThreshold = base.failureThreshold;
      successThreshold = base.successThreshold;
      openDuration = base.openDuration;
      openDurationMultiplier = base.openDurationMultiplier;
      maxOpenDuration = base.maxOpenDuration;
      openDurationFunction = base.openDurationFunction;
      honorRetryAfter = base.honorRetryAfter;
      failureRateThreshold = base.failureRateThreshold;
      slowCallRateThreshold = base.slowCallRateThreshold;
      slowCallDurationThreshold = base.slowCallDurationThreshold;
      slidingWindowType = base.slidingWindowType;
      slidingWindowSize = base.slidingWindowSize;
      minimumNumberOfCalls = base.minimumNumberOfCalls;
      permittedCallsInHalfOpen = base.permittedCallsInHalfOpen;
      maxWaitInHalfOpen = base.maxWaitInHalfOpen;
      automaticTransition = base.automaticTransition;
      ignoreExceptions.addAll(base.ignoreExceptions);
      recordExceptions.addAll(base.recordExceptions);
      ignorePredicates.addAll(base.ignorePredicates);
      recordPredicates.addAll(base.recordPredicates);
      ignoreErrorKinds.addAll(base.ignoreErrorKinds);
      recordErrorKinds.addAll(base.recordErrorKinds);
      recordUnclassifiedExceptions = base.recordUnclassifiedExceptions;
      recordResult = base.recordResult;
    }

    /**
     * Sets the number of consecutive failures that opens the breaker. Default 5; range 0..1000000,
     * where 0 turns the trigger off.
     */
    public Builder failureThreshold(int failureThreshold) {
      this.failureThreshold = Checks.intInRange("failureThreshold", failureThreshold, 0, MAX_COUNT);
      return this;
    }

    /** Sets the successful probes that close the breaker. Default 3; range 1..1000000. */
    public Builder successThreshold(int successThreshold) {
      this.successThreshold = Checks.intInRange("successThreshold", successThreshold, 1, MAX_COUNT);
      return this;
    }

    /** Sets how long the breaker stays open after its first opening. Default 60 s; positive. */
    public Builder openDuration(Duration openDuration) {
      this.openDuration = Checks.positive("openDuration", openDuration);
      return this;
    }

    /**
     * Sets the factor the open duration grows by with each consecutive opening, for exponential
     * open times. Default 1.0 (fixed); range 1.0..100.0.
     */
    public Builder openDurationMultiplier(double openDurationMultiplier) {
      this.openDurationMultiplier =
          Checks.doubleInRange("openDurationMultiplier", openDurationMultiplier, 1.0, 100.0);
      return this;
    }

    /**
     * Sets the cap on the open duration. Default 30 minutes; positive and at least {@link
     * #openDuration(Duration)}, checked by {@link #build()}.
     */
    public Builder maxOpenDuration(Duration maxOpenDuration) {
      this.maxOpenDuration = Checks.positive("maxOpenDuration", maxOpenDuration);
      return this;
    }

    /**
     * Sets a function that replaces {@code openDuration × multiplier^(n-1)}; its results are still
     * capped at the max open duration. Default none; pass null to remove one.
     */
    public Builder openDurationFunction(@Nullable OpenDurationFunction openDurationFunction) {
      this.openDurationFunction = openDurationFunction;
      return this;
    }

    /**
     * Sets whether a retry-after hint on the failure that opens the breaker replaces the computed
     * open duration. Default true.
     */
    public Builder honorRetryAfter(boolean honorRetryAfter) {
      this.honorRetryAfter = honorRetryAfter;
      return this;
    }

    /**
     * Sets the failure rate in percent that opens the breaker. Default 50; range 0..100, where 0
     * turns the trigger off.
     */
    public Builder failureRateThreshold(double failureRateThreshold) {
      this.failureRateThreshold =
          Checks.doubleInRange("failureRateThreshold", failureRateThreshold, 0.0, 100.0);
      return this;
    }

    /**
     * Sets the slow-call rate in percent that opens the breaker. Default 100; range 0..100, where 0
     * turns the trigger off. Only effective with a slow-call duration threshold.
     */
    public Builder slowCallRateThreshold(double slowCallRateThreshold) {
      this.slowCallRateThreshold =
          Checks.doubleInRange("slowCallRateThreshold", slowCallRateThreshold, 0.0, 100.0);
      return this;
    }

    /**
     * Sets the duration from which a call counts as slow. Default none (slow calls are not counted,
     * and the CLOSED hot path reads no clock); positive; null removes it.
     */
    public Builder slowCallDurationThreshold(@Nullable Duration slowCallDurationThreshold) {
      this.slowCallDurationThreshold =
          slowCallDurationThreshold == null
              ? null
              : Checks.positive("slowCallDurationThreshold", slowCallDurationThreshold);
      return this;
    }

    /** Sets whether the window counts calls or seconds. Default {@code COUNT_BASED}. */
    public Builder slidingWindowType(SlidingWindowType slidingWindowType) {
      this.slidingWindowType = Objects.requireNonNull(slidingWindowType, "slidingWindowType");
      return this;
    }

    /**
     * Sets the window size: calls (range 1..100000) for a count-based window, seconds (range
     * 1..3600) for a time-based one, checked by {@link #build()} against the type. Default 100.
     */
    public Builder slidingWindowSize(int slidingWindowSize) {
      this.slidingWindowSize =
          Checks.intInRange("slidingWindowSize", slidingWindowSize, 1, MAX_COUNT_WINDOW_SIZE);
      return this;
    }

    /**
     * Sets the number of calls the window must hold before rates are computed. Default 100; range
     * 1..1000000. A count-based window never holds more calls than its size, so a larger minimum
     * acts as the window size.
     */
    public Builder minimumNumberOfCalls(int minimumNumberOfCalls) {
      this.minimumNumberOfCalls =
          Checks.intInRange("minimumNumberOfCalls", minimumNumberOfCalls, 1, MAX_COUNT);
      return this;
    }

    /** Sets the number of probes HALF_OPEN admits at a time. Default 1; range 1..10000. */
    public Builder permittedCallsInHalfOpen(int permittedCallsInHalfOpen) {
      this.permittedCallsInHalfOpen =
          Checks.intInRange("permittedCallsInHalfOpen", permittedCallsInHalfOpen, 1, 10_000);
      return this;
    }

    /**
     * Sets how long HALF_OPEN waits for a probe in flight before it opens again, so that abandoned
     * probes never hold it. Default 60 s; positive.
     */
    public Builder maxWaitInHalfOpen(Duration maxWaitInHalfOpen) {
      this.maxWaitInHalfOpen = Checks.positive("maxWaitInHalfOpen", maxWaitInHalfOpen);
      return this;
    }

    /**
     * Sets whether a scheduler moves OPEN to HALF_OPEN as soon as the wait ends. Default false: the
     * next call after the wait does it.
     */
    public Builder automaticTransition(boolean automaticTransition) {
      this.automaticTransition = automaticTransition;
      return this;
    }

    /** Adds exception classes to ignore; ignore rules win over record rules. */
    @SafeVarargs
    public final Builder ignoreExceptions(Class<? extends Throwable>... types) {
      for (Class<? extends Throwable> type : types) {
        ignoreExceptions.add(Objects.requireNonNull(type, "types"));
      }
      return this;
    }

    /** Adds a predicate whose matches are ignored; ignore rules win over record rules. */
    public Builder ignoreException(Predicate<? super Throwable> predicate) {
      ignorePredicates.add(Objects.requireNonNull(predicate, "predicate"));
      return this;
    }

    /** Adds {@link OsspException} kinds to ignore, such as {@code VALIDATION}. */
    public Builder ignoreErrorKinds(ErrorKind... kinds) {
      for (ErrorKind kind : kinds) {
        ignoreErrorKinds.add(Objects.requireNonNull(kind, "kinds"));
      }
      return this;
    }

    /** Adds exception classes that count as failures. */
    @SafeVarargs
    public final Builder recordExceptions(Class<? extends Throwable>... types) {
      for (Class<? extends Throwable> type : types) {
        recordExceptions.add(Objects.requireNonNull(type, "types"));
      }
      return this;
    }

    /** Adds a predicate whose matches count as failures. */
    public Builder recordException(Predicate<? super Throwable> predicate) {
      recordPredicates.add(Objects.requireNonNull(predicate, "predicate"));
      return this;
    }

    /** Adds {@link OsspException} kinds that count as failures. */
    public Builder recordErrorKinds(ErrorKind... kinds) {
      for (ErrorKind kind : kinds) {
        recordErrorKinds.add(Objects.requireNonNull(kind, "kinds"));
      }
      return this;
    }

    /**
     * Sets whether exceptions that no rule matches count as failures. Default true; set false to
     * count only what the record rules match.
     */
    public Builder recordUnclassifiedExceptions(boolean recordUnclassifiedExceptions) {
      this.recordUnclassifiedExceptions = recordUnclassifiedExceptions;
      return this;
    }

    /** Sets the predicate that marks a result as a failure. Default none; null removes it. */
    public Builder recordResult(@Nullable Predicate<@Nullable Object> recordResult) {
      this.recordResult = recordResult;
      return this;
    }

    /**
     * Returns the configuration.
     *
     * @throws IllegalArgumentException if the max open duration is below the open duration, or a
     *     time-based window is longer than 3600 seconds
     */
    public CircuitBreakerConfig build() {
      if (maxOpenDuration.compareTo(openDuration) < 0) {
        throw new IllegalArgumentException(
            "maxOpenDuration ("
                + maxOpenDuration
                + ") must be at least openDuration ("
                + openDuration
                + ")");
      }
      if (slidingWindowType == SlidingWindowType.TIME_BASED
          && slidingWindowSize > MAX_TIME_WINDOW_SIZE) {
        throw new IllegalArgumentException(
            "slidingWindowSize of a time-based window must be in 1.."
                + MAX_TIME_WINDOW_SIZE
                + " seconds, was "
                + slidingWindowSize);
      }
      return new CircuitBreakerConfig(this);
    }
  }
}
