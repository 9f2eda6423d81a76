package dev.ossp.runtime.resilience.internal.config;

import static dev.ossp.runtime.resilience.internal.config.ResilienceConfigKeys.*;

import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.resilience.AdaptiveTuningConfig;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.RetryBudgetConfig;
import dev.ossp.runtime.resilience.RetryConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The resilience configuration read from the runtime configuration: defaults and per-name overrides
 * of breakers, retry policies and budgets, and the tuner's settings.
 *
 * <p>For each breaker or policy, values apply in this order, later ones winning: the built-in
 * defaults, the {@code default} entry's preset, the {@code default} entry's keys, the name's
 * preset, the name's keys. A name's preset therefore replaces the values it sets even when the
 * {@code default} entry set them too.
 *
 * <p>Single values were checked by the runtime against their keys; this class checks the
 * combinations (such as {@code max-delay} below {@code base-delay}) and reports every problem at
 * once in one {@link ConfigException}, each naming the key.
 *
 * @param breakerDefaults the configuration of breakers without an override
 * @param breakerOverrides configurations by breaker name
 * @param retryDefaults the configuration of policies without an override
 * @param retryOverrides configurations by policy name
 * @param budgetDefaults the configuration of budgets without an override
 * @param budgetOverrides configurations by budget name
 * @param tuning the tuner's settings
 */
public record ResilienceSettings(
    CircuitBreakerConfig breakerDefaults,
    Map<String, CircuitBreakerConfig> breakerOverrides,
    RetryConfig retryDefaults,
    Map<String, RetryConfig> retryOverrides,
    RetryBudgetConfig budgetDefaults,
    Map<String, RetryBudgetConfig> budgetOverrides,
    AdaptiveTuningConfig tuning) {

  private static final String NO_BUDGET = "none";

  /** Copies the maps. */
  public ResilienceSettings {
    breakerOverrides = Map.copyOf(breakerOverrides);
    retryOverrides = Map.copyOf(retryOverrides);
    budgetOverrides = Map.copyOf(budgetOverrides);
  }

  /**
   * Reads the settings.
   *
   * @param config the runtime configuration
   * @param defaultBackoff the backoff strategy name used when no key sets one (the runtime's {@code
   *     strategies.backoff} selection)
   * @throws ConfigException listing every invalid combination
   */
  public static ResilienceSettings read(RuntimeConfig config, String defaultBackoff) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(defaultBackoff, "defaultBackoff");

    Reader reader = new Reader(config);
    CircuitBreakerConfig breakerDefaults =
        reader.breaker(DEFAULT_NAME, CircuitBreakerConfig.defaults());
    Map<String, CircuitBreakerConfig> breakers = new LinkedHashMap<>();
    for (String name : names(config, "circuit-breakers")) {
      breakers.put(name, reader.breaker(name, breakerDefaults));
    }
    RetryConfig builtIn = RetryConfig.builder().backoff(defaultBackoff).build();
    RetryConfig retryDefaults = reader.retry(DEFAULT_NAME, builtIn);
    Map<String, RetryConfig> retries = new LinkedHashMap<>();
    for (String name : names(config, "retries")) {
      retries.put(name, reader.retry(name, retryDefaults));
    }
    RetryBudgetConfig budgetDefaults = reader.budget(DEFAULT_NAME, RetryBudgetConfig.defaults());
    Map<String, RetryBudgetConfig> budgets = new LinkedHashMap<>();
    for (String name : names(config, "retry-budgets")) {
      budgets.put(name, reader.budget(name, budgetDefaults));
    }
    AdaptiveTuningConfig tuning = reader.tuning();
    if (!reader.violations.isEmpty()) {
      throw new ConfigException(reader.violations);
    }
    return new ResilienceSettings(
        breakerDefaults, breakers, retryDefaults, retries, budgetDefaults, budgets, tuning);
  }

  private static List<String> names(RuntimeConfig config, String section) {
    List<String> names = new ArrayList<>(config.children("resilience", section));
    names.remove(DEFAULT_NAME);
    names.sort(null);
    return names;
  }

  /** Reads keys and collects violations instead of stopping at the first. */
  private static final class Reader {
    private final RuntimeConfig config;
    private final List<Violation> violations = new ArrayList<>();

    Reader(RuntimeConfig config) {
      this.config = config;
    }

    CircuitBreakerConfig breaker(String name, CircuitBreakerConfig base) {
      CircuitBreakerConfig.Builder builder =
          config
              .find(BREAKER_PRESET, name)
              .map(preset -> CircuitBreakerConfig.from(presetOver(base, preset)))
              .orElseGet(() -> CircuitBreakerConfig.from(base));
      apply(FAILURE_THRESHOLD, name, builder::failureThreshold);
      apply(SUCCESS_THRESHOLD, name, builder::successThreshold);
      apply(OPEN_DURATION, name, builder::openDuration);
      apply(OPEN_DURATION_MULTIPLIER, name, builder::openDurationMultiplier);
      apply(MAX_OPEN_DURATION, name, builder::maxOpenDuration);
      apply(FAILURE_RATE_THRESHOLD, name, builder::failureRateThreshold);
      apply(SLOW_CALL_RATE_THRESHOLD, name, builder::slowCallRateThreshold);
      apply(SLOW_CALL_DURATION_THRESHOLD, name, builder::slowCallDurationThreshold);
      apply(
          SLIDING_WINDOW_TYPE,
          name,
          type ->
              builder.slidingWindowType(
                  CircuitBreakerConfig.SlidingWindowType.valueOf(
                      type.toUpperCase(Locale.ROOT).replace('-', '_'))));
      apply(SLIDING_WINDOW_SIZE, name, builder::slidingWindowSize);
      apply(MINIMUM_NUMBER_OF_CALLS, name, builder::minimumNumberOfCalls);
      apply(PERMITTED_CALLS_IN_HALF_OPEN, name, builder::permittedCallsInHalfOpen);
      apply(MAX_WAIT_IN_HALF_OPEN, name, builder::maxWaitInHalfOpen);
      apply(AUTOMATIC_TRANSITION, name, builder::automaticTransition);
      apply(BREAKER_HONOR_RETRY_AFTER, name, builder::honorRetryAfter);
      apply(IGNORE_ERROR_KINDS, name, codes -> builder.ignoreErrorKinds(kinds(codes)));
      apply(RECORD_ERROR_KINDS, name, codes -> builder.recordErrorKinds(kinds(codes)));
      apply(RECORD_UNCLASSIFIED_EXCEPTIONS, name, builder::recordUnclassifiedExceptions);
      // A conflict between settings (such as max-open-duration below open-duration) belongs to
      // no single key, so it is reported on the breaker; the message names the properties.
      return build("resilience.circuit-breakers." + name, builder::build, base);
    }

    private static CircuitBreakerConfig presetOver(CircuitBreakerConfig base, String preset) {
      CircuitBreakerConfig values = CircuitBreakerConfig.preset(preset);
      CircuitBreakerConfig.Builder builder =
          CircuitBreakerConfig.from(base)
              .failureThreshold(values.failureThreshold())
              .successThreshold(values.successThreshold())
              .openDuration(values.openDuration());
      if (base.maxOpenDuration().compareTo(values.openDuration()) < 0) {
        builder.maxOpenDuration(values.openDuration());
      }
      return builder.build();
    }

    RetryConfig retry(String name, RetryConfig base) {
      RetryConfig.Builder builder =
          config
              .find(RETRY_PRESET, name)
              .map(preset -> RetryConfig.from(presetOver(base, preset)))
              .orElseGet(() -> RetryConfig.from(base));
      Optional<Integer> attempts = config.find(MAX_ATTEMPTS, name);
      Optional<Integer> retries = config.find(MAX_RETRIES, name);
      if (attempts.isPresent() && retries.isPresent() && attempts.get() != retries.get() + 1) {
        violations.add(
            new Violation(
                retryPath(name, "max-retries"),
                "conflicts with max-attempts "
                    + attempts.get()
                    + " (max-retries is max-attempts - 1); set only one"));
      }
      apply(MAX_RETRIES, name, builder::maxRetries);
      apply(MAX_ATTEMPTS, name, builder::maxAttempts);
      apply(BACKOFF, name, builder::backoff);
      apply(BASE_DELAY, name, builder::baseDelay);
      apply(MAX_DELAY, name, builder::maxDelay);
      apply(MULTIPLIER, name, builder::multiplier);
      apply(JITTER_FACTOR, name, builder::jitterFactor);
      apply(MAX_DURATION, name, builder::maxDuration);
      apply(IDEMPOTENT, name, builder::idempotent);
      apply(
          ON_EXHAUSTION,
          name,
          mode ->
              builder.onExhaustion(
                  RetryConfig.OnExhaustion.valueOf(mode.toUpperCase(Locale.ROOT))));
      apply(RETRY_HONOR_RETRY_AFTER, name, builder::honorRetryAfter);
      apply(
          BUDGET,
          name,
          budget -> {
            if (budget.equals(NO_BUDGET)) {
              builder.budgetEnabled(false);
            } else {
              builder.budgetEnabled(true).budgetName(budget);
            }
          });
      return build(retryPath(name, "max-delay"), builder::build, base);
    }

    private static RetryConfig presetOver(RetryConfig base, String preset) {
      RetryConfig values = RetryConfig.preset(preset);
      return RetryConfig.from(base)
          .maxAttempts(values.maxAttempts())
          .maxDelay(values.maxDelay())
          .baseDelay(values.baseDelay())
          .multiplier(values.multiplier())
          .backoff(values.backoff())
          .jitterFactor(values.jitterFactor())
          .build();
    }

    RetryBudgetConfig budget(String name, RetryBudgetConfig base) {
      RetryBudgetConfig.Builder builder = RetryBudgetConfig.from(base);
      apply(BUDGET_RATIO, name, builder::ratio);
      apply(BUDGET_MIN_RETRIES_PER_SECOND, name, builder::minRetriesPerSecond);
      apply(BUDGET_WINDOW, name, builder::window);
      return build("resilience.retry-budgets." + name + ".window", builder::build, base);
    }

    AdaptiveTuningConfig tuning() {
      AdaptiveTuningConfig defaults = AdaptiveTuningConfig.defaults();
      AdaptiveTuningConfig.Builder builder = AdaptiveTuningConfig.builder();
      builder.enabled(config.get(TUNING_ENABLED));
      apply(TUNING_INTERVAL, builder::interval);
      apply(TUNING_MIN_CALLS, builder::minCallsPerInterval);
      apply(TUNING_HIGH_FAILURE_RATE, builder::highFailureRate);
      apply(TUNING_LOW_FAILURE_RATE, builder::lowFailureRate);
      int thresholdMin =
          config.find(TUNING_FAILURE_THRESHOLD_MIN).orElse(defaults.minFailureThreshold());
      int thresholdMax =
          config.find(TUNING_FAILURE_THRESHOLD_MAX).orElse(defaults.maxFailureThreshold());
      check(
          "resilience.tuning.failure-threshold-max",
          () -> builder.failureThresholdBounds(thresholdMin, thresholdMax));
      int attemptsMin = config.find(TUNING_MAX_ATTEMPTS_MIN).orElse(defaults.minMaxAttempts());
      int attemptsMax = config.find(TUNING_MAX_ATTEMPTS_MAX).orElse(defaults.maxMaxAttempts());
      check(
          "resilience.tuning.max-attempts-max",
          () -> builder.maxAttemptsBounds(attemptsMin, attemptsMax));
      java.time.Duration delayMin =
          config.find(TUNING_BASE_DELAY_MIN).orElse(defaults.minBaseDelay());
      java.time.Duration delayMax =
          config.find(TUNING_BASE_DELAY_MAX).orElse(defaults.maxBaseDelay());
      check("resilience.tuning.base-delay-max", () -> builder.baseDelayBounds(delayMin, delayMax));
      apply(TUNING_TARGETS, targets -> builder.targets(Set.copyOf(targets)));
      return build("resilience.tuning.low-failure-rate", builder::build, defaults);
    }

    private <T> void apply(ConfigKey<T> key, String name, Consumer<T> setter) {
      Optional<T> value = config.find(key, name);
      if (value.isPresent()) {
        check(String.join(".", key.resolve(name)), () -> setter.accept(value.get()));
      }
    }

    private <T> void apply(ConfigKey<T> key, Consumer<T> setter) {
      Optional<T> value = config.find(key);
      if (value.isPresent()) {
        check(key.name(), () -> setter.accept(value.get()));
      }
    }

    private void check(String path, Runnable action) {
      try {
        action.run();
      } catch (IllegalArgumentException e) {
        violations.add(new Violation(path, e.getMessage()));
      }
    }

    private <T> T build(String path, Supplier<T> build, T fallback) {
      try {
        return build.get();
      } catch (IllegalArgumentException e) {
        violations.add(new Violation(path, e.getMessage()));
        return fallback;
      }
    }

    private static ErrorKind[] kinds(List<String> codes) {
      return codes.stream()
          .map(code -> ErrorKind.valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_')))
          .toArray(ErrorKind[]::new);
    }

    private static String breakerPath(String name, String property) {
      return "resilience.circuit-breakers." + name + "." + property;
    }

    private static String retryPath(String name, String property) {
      return "resilience.retries." + name + "." + property;
    }
  }
}
