package dev.ossp.runtime.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A snapshot of a breaker's counts, taken at one moment. The window counts describe the sliding
 * window of the current CLOSED period (an OPEN or HALF_OPEN breaker reports the window that opened
 * it); the totals count since the breaker was created or last {@linkplain CircuitBreaker#reset()
 * reset}.
 *
 * <p>Every snapshot satisfies {@code 0 <= slowFailedCalls <= failedCalls}, {@code slowCalls >=
 * slowFailedCalls}, {@code failedCalls + successfulCalls == bufferedCalls}, and, for a count-based
 * window, {@code bufferedCalls <= slidingWindowSize}.
 *
 * @param state the state when the snapshot was taken
 * @param failureRate failed calls in percent of buffered calls; empty ("not enough data") while the
 *     window holds fewer than the minimum number of calls
 * @param slowCallRate slow calls in percent of buffered calls; empty while there is not enough data
 * @param bufferedCalls calls in the window
 * @param failedCalls failed calls in the window
 * @param successfulCalls successful calls in the window
 * @param slowCalls slow calls in the window, failed or not
 * @param slowFailedCalls slow calls in the window that failed
 * @param consecutiveFailures failures since the last success in CLOSED
 * @param notPermittedCalls calls rejected in total
 * @param openings transitions to OPEN in total
 * @param totalSuccessfulCalls successful calls recorded in total, in any state
 * @param totalFailedCalls failed calls recorded in total, in any state
 * @param timeInState how long the breaker has been in its state
 * @param untilNextProbe for OPEN, the time until a probe is admitted; zero otherwise
 */
public record CircuitBreakerMetrics(
    CircuitBreaker.State state,
    OptionalDouble failureRate,
    OptionalDouble slowCallRate,
    int bufferedCalls,
    int failedCalls,
    int successfulCalls,
    int slowCalls,
    int slowFailedCalls,
    int consecutiveFailures,
    long notPermittedCalls,
    long openings,
    long totalSuccessfulCalls,
    long totalFailedCalls,
    Duration timeInState,
    Duration untilNextProbe) {

  /** Checks the invariants in the class description. */
  public CircuitBreakerMetrics {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(failureRate, "failureRate");
    Objects.requireNonNull(slowCallRate, "slowCallRate");
    Objects.requireNonNull(timeInState, "timeInState");
    Objects.requireNonNull(untilNextProbe, "untilNextProbe");
    if (slowFailedCalls < 0
        || slowFailedCalls > failedCalls
        || slowCalls < slowFailedCalls
        || failedCalls + successfulCalls != bufferedCalls
        || successfulCalls < 0) {
      throw new IllegalArgumentException(
          "inconsistent window counts: buffered="
              + bufferedCalls
              + ", failed="
              + failedCalls
              + ", successful="
              + successfulCalls
              + ", slow="
              + slowCalls
              + ", slowFailed="
              + slowFailedCalls);
    }
  }
}
