package dev.ossp.runtime.resilience.internal.breaker;

import static dev.ossp.runtime.resilience.internal.breaker.Breakers.fail;
import static dev.ossp.runtime.resilience.internal.breaker.Breakers.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreaker.State;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerConfig.SlidingWindowType;
import dev.ossp.runtime.resilience.CircuitBreakerMetrics;
import dev.ossp.runtime.resilience.internal.ManualTime;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CircuitBreakerWindowTest {
  private final ManualTime time = new ManualTime();

  private CircuitBreaker breaker(CircuitBreakerConfig config) {
    return new DefaultCircuitBreaker("search", config, time, null);
  }

  private static CircuitBreakerConfig.Builder rateOnly() {
    return CircuitBreakerConfig.builder().failureThreshold(0);
  }

  @Test
  void failureRateNeedsMinimumNumberOfCalls() {
    // given a 10-call window that needs 10 calls before it computes a rate
    CircuitBreaker breaker =
        breaker(rateOnly().slidingWindowSize(10).minimumNumberOfCalls(10).build());

    // when 9 calls fail
    fail(breaker, 9);

    // then the rate is "not enough data", and the breaker stays closed
    assertThat(breaker.metrics().failureRate()).isEmpty();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);

    // when a tenth call fails
    fail(breaker, 1);

    // then the rate is 100% and the breaker opens
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.metrics().failureRate()).hasValue(100.0);
  }

  @Test
  void opensAtTheFailureRateThreshold() {
    // given a 10-call window with a 50% threshold
    CircuitBreaker breaker =
        breaker(
            rateOnly()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .build());

    // when 6 calls succeed and 4 fail
    succeed(breaker, 6);
    fail(breaker, 4);

    // then 40% keeps it closed
    assertThat(breaker.metrics().failureRate()).hasValue(40.0);
    assertThat(breaker.state()).isEqualTo(State.CLOSED);

    // when the oldest success slides out and a fifth failure comes in
    fail(breaker, 1);

    // then 50% opens it
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void slowCallsAreCountedApartFromFailures() {
    // given a window that counts calls of 1 s or more as slow, opening at 60% slow calls
    CircuitBreaker breaker =
        breaker(
            rateOnly()
                .failureRateThreshold(0)
                .slidingWindowSize(5)
                .minimumNumberOfCalls(5)
                .slowCallDurationThreshold(Duration.ofSeconds(1))
                .slowCallRateThreshold(60)
                .build());

    // when 2 fast and 2 slow calls succeed and 1 slow call fails
    breaker.onSuccess(Duration.ofMillis(10));
    breaker.onSuccess(Duration.ofMillis(10));
    breaker.onSuccess(Duration.ofSeconds(2));
    breaker.onSuccess(Duration.ofSeconds(2));
    breaker.onError(Duration.ofSeconds(3), new IllegalStateException("slow and broken"));

    // then 3 of 5 calls were slow, 1 of them failed, and 60% opened the breaker
    CircuitBreakerMetrics metrics = breaker.metrics();
    assertThat(metrics.slowCalls()).isEqualTo(3);
    assertThat(metrics.slowFailedCalls()).isEqualTo(1);
    assertThat(metrics.failedCalls()).isEqualTo(1);
    assertThat(metrics.slowCallRate()).hasValue(60.0);
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void slowCallsAreNotCountedWithoutAThreshold() {
    // given the defaults, which count no slow calls
    CircuitBreaker breaker = breaker(CircuitBreakerConfig.defaults());

    // when a call takes an hour
    breaker.onSuccess(Duration.ofHours(1));

    // then it is an ordinary success
    assertThat(breaker.metrics().slowCalls()).isZero();
    assertThat(breaker.metrics().successfulCalls()).isEqualTo(1);
  }

  @Test
  void timeWindowForgetsOldSeconds() {
    // given a 10 s time window that needs 3 calls
    CircuitBreaker breaker =
        breaker(
            rateOnly()
                .slidingWindowType(SlidingWindowType.TIME_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .build());

    // when 2 calls fail, and 11 s later 2 calls succeed and 1 fails
    fail(breaker, 2);
    time.advance(Duration.ofSeconds(11));
    succeed(breaker, 2);
    fail(breaker, 1);

    // then the old failures left the window: 1 of 3 failed, and the breaker is closed
    assertThat(breaker.metrics().bufferedCalls()).isEqualTo(3);
    assertThat(breaker.metrics().failureRate())
        .hasValueCloseTo(33.3, org.assertj.core.data.Offset.offset(0.1));
    assertThat(breaker.state()).isEqualTo(State.CLOSED);

    // when one more fails within the window, 2 of 4 reach the 50% threshold and it opens
    time.advance(Duration.ofSeconds(3));
    fail(breaker, 1);
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void invariantsHoldAfterTheWindowWraps() {
    // given a 7-call window with slow-call counting and no trigger that could open it
    CircuitBreaker breaker =
        breaker(
            rateOnly()
                .failureRateThreshold(0)
                .slowCallRateThreshold(0)
                .slidingWindowSize(7)
                .minimumNumberOfCalls(1)
                .slowCallDurationThreshold(Duration.ofMillis(100))
                .build());
    Random random = new Random(42);

    for (int call = 1; call <= 500; call++) {
      // when a random outcome is recorded
      Duration duration = Duration.ofMillis(random.nextInt(200));
      if (random.nextBoolean()) {
        breaker.onSuccess(duration);
      } else {
        breaker.onError(duration, new IllegalStateException("call " + call));
      }

      // then the invariants hold at every read
      CircuitBreakerMetrics metrics = breaker.metrics();
      assertThat(metrics.bufferedCalls()).isEqualTo(Math.min(call, 7));
      assertThat(metrics.failedCalls() + metrics.successfulCalls())
          .isEqualTo(metrics.bufferedCalls());
      assertThat(metrics.slowFailedCalls()).isBetween(0, metrics.failedCalls());
      assertThat(metrics.slowCalls()).isBetween(metrics.slowFailedCalls(), metrics.bufferedCalls());
    }
    assertThat(breaker.metrics().totalFailedCalls() + breaker.metrics().totalSuccessfulCalls())
        .isEqualTo(500);
  }
}
