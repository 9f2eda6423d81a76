package dev.ossp.runtime.resilience.internal.config;

import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.RetryConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every configuration key of the {@code resilience} component. Per-target keys have a {@code *}
 * segment for the breaker, policy or budget name; the name {@code default} sets the defaults of all
 * others. Keys have no default value of their own: an unset key leaves the value of the preset, the
 * {@code default} entry or the built-in default.
 */
public final class ResilienceConfigKeys {
  /** The name whose keys set the defaults of every breaker, policy or budget. */
  public static final String DEFAULT_NAME = "default";

  static final String BREAKERS = "resilience.circuit-breakers.*.";
  static final String RETRIES = "resilience.retries.*.";
  static final String BUDGETS = "resilience.retry-budgets.*.";
  static final String TUNING = "resilience.tuning.";

  /** The error kind codes, such as {@code not-found}, accepted in error-kind lists. */
  static final Set<String> ERROR_KIND_CODES =
      Arrays.stream(ErrorKind.values())
          .map(ErrorKind::code)
          .collect(Collectors.toCollection(TreeSet::new));

  // ---- Circuit breakers ----------------------------------------------------------------------

  static final ConfigKey<String> BREAKER_PRESET =
      ConfigKey.oneOf(BREAKERS + "preset", CircuitBreakerConfig.presetNames())
          .description("a preset applied before the breaker's own keys")
          .build();
  static final ConfigKey<Integer> FAILURE_THRESHOLD =
      ConfigKey.integer(BREAKERS + "failure-threshold")
          .range(0, 1_000_000)
          .description("consecutive failures that open the breaker; 0 turns this trigger off")
          .build();
  static final ConfigKey<Integer> SUCCESS_THRESHOLD =
      ConfigKey.integer(BREAKERS + "success-threshold")
          .range(1, 1_000_000)
          .description("successful half-open probes that close the breaker")
          .build();
  static final ConfigKey<Duration> OPEN_DURATION =
      positiveDuration(BREAKERS + "open-duration", "how long the breaker stays open at first");
  static final ConfigKey<Double> OPEN_DURATION_MULTIPLIER =
      ConfigKey.decimal(BREAKERS + "open-duration-multiplier")
          .range(1.0, 100.0)
          .description("growth of the open duration per consecutive opening; 1 keeps it fixed")
          .build();
  static final ConfigKey<Duration> MAX_OPEN_DURATION =
      positiveDuration(BREAKERS + "max-open-duration", "cap on the open duration");
  static final ConfigKey<Double> FAILURE_RATE_THRESHOLD =
      ConfigKey.decimal(BREAKERS + "failure-rate-threshold")
          .range(0.0, 100.0)
          .description("failure rate in percent that opens the breaker; 0 turns it off")
          .build();
  static final ConfigKey<Double> SLOW_CALL_RATE_THRESHOLD =
      ConfigKey.decimal(BREAKERS + "slow-call-rate-threshold")
          .range(0.0, 100.0)
          .description("slow-call rate in percent that opens the breaker; 0 turns it off")
          .build();
  static final ConfigKey<Duration> SLOW_CALL_DURATION_THRESHOLD =
      positiveDuration(
          BREAKERS + "slow-call-duration-threshold",
          "duration from which a call counts as slow; unset means slow calls are not counted");
  static final ConfigKey<String> SLIDING_WINDOW_TYPE =
      ConfigKey.oneOf(
              BREAKERS + "sliding-window-type",
              Arrays.stream(CircuitBreakerConfig.SlidingWindowType.values())
                  .map(CircuitBreakerConfig.SlidingWindowType::configName)
                  .toList())
          .description("whether the rate window counts calls or seconds")
          .build();
  static final ConfigKey<Integer> SLIDING_WINDOW_SIZE =
      ConfigKey.integer(BREAKERS + "sliding-window-size")
          .range(1, CircuitBreakerConfig.MAX_COUNT_WINDOW_SIZE)
          .description("window size in calls (count-based) or seconds (time-based, at most 3600)")
          .build();
  static final ConfigKey<Integer> MINIMUM_NUMBER_OF_CALLS =
      ConfigKey.integer(BREAKERS + "minimum-number-of-calls")
          .range(1, 1_000_000)
          .description("calls the window must hold before rates are computed")
          .build();
  static final ConfigKey<Integer> PERMITTED_CALLS_IN_HALF_OPEN =
      ConfigKey.integer(BREAKERS + "permitted-calls-in-half-open")
          .range(1, 10_000)
          .description("probes admitted at a time in HALF_OPEN")
          .build();
  static final ConfigKey<Duration> MAX_WAIT_IN_HALF_OPEN =
      positiveDuration(
          BREAKERS + "max-wait-in-half-open",
          "how long HALF_OPEN waits for a probe in flight before opening again");
  static final ConfigKey<Boolean> AUTOMATIC_TRANSITION =
      ConfigKey.bool(BREAKERS + "automatic-transition")
          .description("whether a scheduler moves OPEN to HALF_OPEN when the wait ends")
          .build();
  static final ConfigKey<Boolean> BREAKER_HONOR_RETRY_AFTER =
      ConfigKey.bool(BREAKERS + "honor-retry-after")
          .description("whether a retry-after hint on the failure sets the open duration")
          .build();
  static final ConfigKey<List<String>> IGNORE_ERROR_KINDS =
      errorKinds(BREAKERS + "ignore-error-kinds", "error kinds that the breaker ignores");
  static final ConfigKey<List<String>> RECORD_ERROR_KINDS =
      errorKinds(BREAKERS + "record-error-kinds", "error kinds that count as failures");
  static final ConfigKey<Boolean> RECORD_UNCLASSIFIED_EXCEPTIONS =
      ConfigKey.bool(BREAKERS + "record-unclassified-exceptions")
          .description("whether exceptions no rule matches count as failures")
          .build();

  // ---- Retry policies ------------------------------------------------------------------------

  static final ConfigKey<String> RETRY_PRESET =
      ConfigKey.oneOf(RETRIES + "preset", RetryConfig.presetNames())
          .description("a preset applied before the policy's own keys")
          .build();
  static final ConfigKey<Integer> MAX_ATTEMPTS =
      ConfigKey.integer(RETRIES + "max-attempts")
          .range(1, RetryConfig.MAX_ATTEMPTS_LIMIT)
          .description("calls in total, the first included")
          .build();
  static final ConfigKey<Integer> MAX_RETRIES =
      ConfigKey.integer(RETRIES + "max-retries")
          .range(0, RetryConfig.MAX_ATTEMPTS_LIMIT - 1)
          .description("retries after the first call, that is max-attempts - 1")
          .build();
  static final ConfigKey<String> BACKOFF =
      ConfigKey.string(RETRIES + "backoff")
          .check(
              value ->
                  value.matches("[a-z0-9][a-z0-9-]*")
                      ? null
                      : "must be a strategy name of lower-case letters, digits and dashes")
          .description("backoff strategy name; unset uses strategies.backoff")
          .build();
  static final ConfigKey<Duration> BASE_DELAY =
      ConfigKey.duration(RETRIES + "base-delay")
          .min(Duration.ZERO)
          .description("first delay and unit of growth; 0 retries at once")
          .build();
  static final ConfigKey<Duration> MAX_DELAY =
      ConfigKey.duration(RETRIES + "max-delay")
          .min(Duration.ZERO)
          .description("cap on each delay, at least base-delay")
          .build();
  static final ConfigKey<Double> MULTIPLIER =
      ConfigKey.decimal(RETRIES + "multiplier")
          .range(1.0, 100.0)
          .description("growth per retry for exponential strategies")
          .build();
  static final ConfigKey<Double> JITTER_FACTOR =
      ConfigKey.decimal(RETRIES + "jitter-factor")
          .range(0.0, 1.0)
          .description("fraction of a delay that may be randomized")
          .build();
  static final ConfigKey<Duration> MAX_DURATION =
      positiveDuration(
          RETRIES + "max-duration", "overall deadline for all attempts and waits of one call");
  static final ConfigKey<Boolean> IDEMPOTENT =
      ConfigKey.bool(RETRIES + "idempotent")
          .description("whether timeouts may be retried because the call is safe to repeat")
          .build();
  static final ConfigKey<String> ON_EXHAUSTION =
      ConfigKey.oneOf(
              RETRIES + "on-exhaustion",
              Arrays.stream(RetryConfig.OnExhaustion.values())
                  .map(value -> value.name().toLowerCase(Locale.ROOT))
                  .toList())
          .description("wrap: throw RetryExhaustedException; rethrow: throw the last failure")
          .build();
  static final ConfigKey<Boolean> RETRY_HONOR_RETRY_AFTER =
      ConfigKey.bool(RETRIES + "honor-retry-after")
          .description("whether a retry-after hint on the failure replaces the computed delay")
          .build();
  static final ConfigKey<String> BUDGET =
      ConfigKey.string(RETRIES + "budget")
          .check(value -> value.isBlank() ? "must not be blank" : null)
          .description(
              "retry budget to draw on; none turns budgets off; unset uses the policy name")
          .build();

  // ---- Retry budgets -------------------------------------------------------------------------

  static final ConfigKey<Double> BUDGET_RATIO =
      ConfigKey.decimal(BUDGETS + "ratio")
          .range(0.0, 10.0)
          .description("retries allowed per call in the window, such as 0.2 for 20%")
          .build();
  static final ConfigKey<Double> BUDGET_MIN_RETRIES_PER_SECOND =
      ConfigKey.decimal(BUDGETS + "min-retries-per-second")
          .range(0.0, 10_000.0)
          .description("retries allowed per second whatever the traffic")
          .build();
  static final ConfigKey<Duration> BUDGET_WINDOW =
      ConfigKey.duration(BUDGETS + "window")
          .range(Duration.ofSeconds(1), Duration.ofHours(1))
          .check(value -> value.getNano() == 0 ? null : "must be whole seconds")
          .description("length of the window calls and retries are counted over, whole seconds")
          .build();

  // ---- Adaptive tuning -----------------------------------------------------------------------

  static final ConfigKey<Boolean> TUNING_ENABLED =
      ConfigKey.bool(TUNING + "enabled")
          .defaultValue(false)
          .description("whether the adaptive tuner runs")
          .build();
  static final ConfigKey<Duration> TUNING_INTERVAL =
      positiveDuration(TUNING + "interval", "time between tuner runs");
  static final ConfigKey<Integer> TUNING_MIN_CALLS =
      ConfigKey.integer(TUNING + "min-calls-per-interval")
          .range(1, 1_000_000)
          .description("fewest calls in an interval that the tuner acts on")
          .build();
  static final ConfigKey<Double> TUNING_HIGH_FAILURE_RATE =
      ConfigKey.decimal(TUNING + "high-failure-rate")
          .range(0.0, 100.0)
          .description("failure rate in percent at or above which the tuner tightens")
          .build();
  static final ConfigKey<Double> TUNING_LOW_FAILURE_RATE =
      ConfigKey.decimal(TUNING + "low-failure-rate")
          .range(0.0, 100.0)
          .description("failure rate in percent at or below which the tuner relaxes")
          .build();
  static final ConfigKey<Integer> TUNING_FAILURE_THRESHOLD_MIN =
      ConfigKey.integer(TUNING + "failure-threshold-min")
          .range(1, 1_000_000)
          .description("lowest failure threshold the tuner sets")
          .build();
  static final ConfigKey<Integer> TUNING_FAILURE_THRESHOLD_MAX =
      ConfigKey.integer(TUNING + "failure-threshold-max")
          .range(1, 1_000_000)
          .description("highest failure threshold the tuner sets")
          .build();
  static final ConfigKey<Integer> TUNING_MAX_ATTEMPTS_MIN =
      ConfigKey.integer(TUNING + "max-attempts-min")
          .range(1, RetryConfig.MAX_ATTEMPTS_LIMIT)
          .description("lowest max attempts the tuner sets")
          .build();
  static final ConfigKey<Integer> TUNING_MAX_ATTEMPTS_MAX =
      ConfigKey.integer(TUNING + "max-attempts-max")
          .range(1, RetryConfig.MAX_ATTEMPTS_LIMIT)
          .description("highest max attempts the tuner sets")
          .build();
  static final ConfigKey<Duration> TUNING_BASE_DELAY_MIN =
      positiveDuration(TUNING + "base-delay-min", "shortest base delay the tuner sets");
  static final ConfigKey<Duration> TUNING_BASE_DELAY_MAX =
      positiveDuration(TUNING + "base-delay-max", "longest base delay the tuner sets");
  static final ConfigKey<List<String>> TUNING_TARGETS =
      ConfigKey.stringList(TUNING + "targets")
          .description("names of the breakers and policies to tune; unset tunes all")
          .build();

  /** Every key, for {@code RuntimeComponent.configKeys()}. */
  public static final List<ConfigKey<?>> ALL =
      List.of(
          BREAKER_PRESET,
          FAILURE_THRESHOLD,
          SUCCESS_THRESHOLD,
          OPEN_DURATION,
          OPEN_DURATION_MULTIPLIER,
          MAX_OPEN_DURATION,
          FAILURE_RATE_THRESHOLD,
          SLOW_CALL_RATE_THRESHOLD,
          SLOW_CALL_DURATION_THRESHOLD,
          SLIDING_WINDOW_TYPE,
          SLIDING_WINDOW_SIZE,
          MINIMUM_NUMBER_OF_CALLS,
          PERMITTED_CALLS_IN_HALF_OPEN,
          MAX_WAIT_IN_HALF_OPEN,
          AUTOMATIC_TRANSITION,
          BREAKER_HONOR_RETRY_AFTER,
          IGNORE_ERROR_KINDS,
          RECORD_ERROR_KINDS,
          RECORD_UNCLASSIFIED_EXCEPTIONS,
          RETRY_PRESET,
          MAX_ATTEMPTS,
          MAX_RETRIES,
          BACKOFF,
          BASE_DELAY,
          MAX_DELAY,
          MULTIPLIER,
          JITTER_FACTOR,
          MAX_DURATION,
          IDEMPOTENT,
          ON_EXHAUSTION,
          RETRY_HONOR_RETRY_AFTER,
          BUDGET,
          BUDGET_RATIO,
          BUDGET_MIN_RETRIES_PER_SECOND,
          BUDGET_WINDOW,
          TUNING_ENABLED,
          TUNING_INTERVAL,
          TUNING_MIN_CALLS,
          TUNING_HIGH_FAILURE_RATE,
          TUNING_LOW_FAILURE_RATE,
          TUNING_FAILURE_THRESHOLD_MIN,
          TUNING_FAILURE_THRESHOLD_MAX,
          TUNING_MAX_ATTEMPTS_MIN,
          TUNING_MAX_ATTEMPTS_MAX,
          TUNING_BASE_DELAY_MIN,
          TUNING_BASE_DELAY_MAX,
          TUNING_TARGETS);

  private ResilienceConfigKeys() {}

  private static ConfigKey<Duration> positiveDuration(String name, String description) {
    return ConfigKey.duration(name)
        .check(value -> value.isZero() || value.isNegative() ? "must be positive" : null)
        .description(description)
        .build();
  }

  private static ConfigKey<List<String>> errorKinds(String name, String description) {
    return ConfigKey.stringList(name)
        .check(
            values -> {
              for (String value : values) {
                if (!ERROR_KIND_CODES.contains(value.toLowerCase(Locale.ROOT))) {
                  return "'" + value + "' is not an error kind; valid kinds: " + ERROR_KIND_CODES;
                }
              }
              return null;
            })
        .description(description + ", such as not-found, validation")
        .build();
  }
}
