package dev.ossp.runtime.resilience;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened in a circuit breaker. Events are only created when a listener is
 * registered. Test the type with {@code instanceof}.
 */
public sealed interface CircuitBreakerEvent {
  /** The name of the breaker. */
  String breakerName();

  /** When the event happened, by the breaker's clock. */
  Instant time();

  /**
   * The breaker changed state.
   *
   * @param breakerName the breaker
   * @param time when
   * @param from the state before
   * @param to the state after
   * @param reason why, such as {@code 5 consecutive failures}
   */
  record StateTransition(
      String breakerName,
      Instant time,
      CircuitBreaker.State from,
      CircuitBreaker.State to,
      String reason)
      implements CircuitBreakerEvent {
    /** Checks that no part is missing. */
    public StateTransition {
      Objects.requireNonNull(breakerName, "breakerName");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A call succeeded.
   *
   * @param breakerName the breaker
   * @param time when
   * @param duration how long the call took
   */
  record Success(String breakerName, Instant time, Duration duration)
      implements CircuitBreakerEvent {
    /** Checks that no part is missing. */
    public Success {
      Objects.requireNonNull(breakerName, "breakerName");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /**
   * A call failed, by exception or by result.
   *
   * @param breakerName the breaker
   * @param time when
   * @param duration how long the call took
   * @param error the unwrapped exception, or null when a result counted as a failure
   */
  record Failure(String breakerName, Instant time, Duration duration, @Nullable Throwable error)
      implements CircuitBreakerEvent {
    /** Checks that no required part is missing. */
    public Failure {
      Objects.requireNonNull(breakerName, "breakerName");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /**
   * A call threw an exception that the ignore rules matched; nothing was recorded.
   *
   * @param breakerName the breaker
   * @param time when
   * @param duration how long the call took
   * @param error the unwrapped exception
   */
  record IgnoredError(String breakerName, Instant time, Duration duration, Throwable error)
      implements CircuitBreakerEvent {
    /** Checks that no part is missing. */
    public IgnoredError {
      Objects.requireNonNull(breakerName, "breakerName");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(error, "error");
    }
  }

  /**
   * A call was rejected without being tried.
   *
   * @param breakerName the breaker
   * @param time when
   * @param state the state that rejected it
   */
  record NotPermitted(String breakerName, Instant time, CircuitBreaker.State state)
      implements CircuitBreakerEvent {
    /** Checks that no part is missing. */
    public NotPermitted {
      Objects.requireNonNull(breakerName, "breakerName");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(state, "state");
    }
  }

  /**
   * A threshold was reached: the breaker opens next, or, in METRICS_ONLY, only reports it.
   *
   * @param breakerName the breaker
   * @param time when
   * @param trigger which threshold
   * @param observed the observed value: a count for consecutive failures, a percentage for rates
   * @param threshold the configured threshold, in the same unit
   */
  record ThresholdExceeded(
      String breakerName, Instant time, Trigger trigger, double observed, double threshold)
      implements CircuitBreakerEvent {
    /** Checks that no part is missing. */
    public ThresholdExceeded {
      Objects.requireNonNull(breakerName, "breakerName");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(trigger, "trigger");
    }
  }

  /**
   * The breaker was reset: CLOSED with every count cleared.
   *
   * @param breakerName the breaker
   * @param time when
   */
  record Reset(String breakerName, Instant time) implements CircuitBreakerEvent {
    /** Checks that no part is missing. */
    public Reset {
      Objects.requireNonNull(breakerName, "breakerName");
      Objects.requireNonNull(time, "time");
    }
  }

  /**
   * The breaker's configuration was replaced while it kept its state.
   *
   * @param breakerName the breaker
   * @param time when
   * @param previous the configuration before
   * @param current the configuration after
   */
  record Reconfigured(
      String breakerName, Instant time, CircuitBreakerConfig previous, CircuitBreakerConfig current)
      implements CircuitBreakerEvent {
    /** Checks that no part is missing. */
    public Reconfigured {
      Objects.requireNonNull(breakerName, "breakerName");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(previous, "previous");
      Objects.requireNonNull(current, "current");
    }
  }

  /** The thresholds that open a breaker. */
  enum Trigger {
    /** {@link CircuitBreakerConfig#failureThreshold()} consecutive failures. */
    CONSECUTIVE_FAILURES,
    /** {@link CircuitBreakerConfig#failureRateThreshold()}. */
    FAILURE_RATE,
    /** {@link CircuitBreakerConfig#slowCallRateThreshold()}. */
    SLOW_CALL_RATE
  }
}
