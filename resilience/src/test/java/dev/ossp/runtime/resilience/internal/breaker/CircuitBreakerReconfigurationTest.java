package dev.ossp.runtime.resilience.internal.breaker;

import static dev.ossp.runtime.resilience.internal.breaker.Breakers.fail;
import static dev.ossp.runtime.resilience.internal.breaker.Breakers.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreaker.State;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerConfig.SlidingWindowType;
import dev.ossp.runtime.resilience.CircuitBreakerEvent;
import dev.ossp.runtime.resilience.internal.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakerReconfigurationTest {
  private final ManualTime time = new ManualTime();

  private CircuitBreaker breaker(CircuitBreakerConfig config) {
    return new DefaultCircuitBreaker("inventory", config, time, null);
  }

  @Test
  void closedBreakerKeepsCounts() {
    // given a closed breaker with 3 consecutive failures of 5 allowed
    CircuitBreakerConfig original = CircuitBreakerConfig.builder().failureRateThreshold(0).build();
    CircuitBreaker breaker = breaker(original);
    fail(breaker, 3);
    List<CircuitBreakerEvent> events = new ArrayList<>();
    breaker.addListener(events::add);

    // when the threshold is lowered to 4
    breaker.reconfigure(CircuitBreakerConfig.from(original).failureThreshold(4).build());

    // then state and counts are kept
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.metrics().consecutiveFailures()).isEqualTo(3);
    assertThat(breaker.metrics().failedCalls()).isEqualTo(3);
    assertThat(events).hasOnlyElementsOfType(CircuitBreakerEvent.Reconfigured.class);

    // when one more call fails, the new threshold opens it
    fail(breaker, 1);
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void shrinkingTheWindowKeepsTheMostRecentCalls() {
    // given a 10-call window holding 5 failures then 5 successes
    CircuitBreakerConfig original =
        CircuitBreakerConfig.builder()
            .failureThreshold(0)
            .failureRateThreshold(0)
            .slidingWindowSize(10)
            .build();
    CircuitBreaker breaker = breaker(original);
    fail(breaker, 5);
    succeed(breaker, 5);

    // when the window shrinks to 4 calls
    breaker.reconfigure(CircuitBreakerConfig.from(original).slidingWindowSize(4).build());

    // then it contains the 4 most recent calls, all successes
    assertThat(breaker.metrics().bufferedCalls()).isEqualTo(4);
    assertThat(breaker.metrics().failedCalls()).isZero();

    // when it grows to 8 again and 2 calls fail, it contains 6 calls
    breaker.reconfigure(CircuitBreakerConfig.from(original).slidingWindowSize(8).build());
    fail(breaker, 2);
    assertThat(breaker.metrics().bufferedCalls()).isEqualTo(6);
    assertThat(breaker.metrics().failedCalls()).isEqualTo(2);
  }

  @Test
  void switchingWindowTypeKeepsTheCounts() {
    // given a count window with 2 failures and 3 successes
    CircuitBreakerConfig original =
        CircuitBreakerConfig.builder().failureThreshold(0).failureRateThreshold(0).build();
    CircuitBreaker breaker = breaker(original);
    fail(breaker, 2);
    succeed(breaker, 3);

    // when the window becomes time-based
    breaker.reconfigure(
        CircuitBreakerConfig.from(original)
            .slidingWindowType(SlidingWindowType.TIME_BASED)
            .slidingWindowSize(30)
            .build());

    // then the counts moved into it
    assertThat(breaker.metrics().bufferedCalls()).isEqualTo(5);
    assertThat(breaker.metrics().failedCalls()).isEqualTo(2);

    // when it becomes count-based again, smaller than the counts
    breaker.reconfigure(CircuitBreakerConfig.from(original).slidingWindowSize(4).build());

    // then the counts are scaled into it and still consistent
    assertThat(breaker.metrics().bufferedCalls()).isBetween(3, 4);
    assertThat(breaker.metrics().failedCalls()).isBetween(1, 2);
  }

  @Test
  void openBreakerKeepsItsWait() {
    // given a breaker opened 10 s ago for 60 s
    CircuitBreakerConfig original =
        CircuitBreakerConfig.builder().failureThreshold(1).failureRateThreshold(0).build();
    CircuitBreaker breaker = breaker(original);
    fail(breaker, 1);
    time.advance(Duration.ofSeconds(10));

    // when the open duration is changed to 5 s
    breaker.reconfigure(
        CircuitBreakerConfig.from(original).openDuration(Duration.ofSeconds(5)).build());

    // then the running wait is kept; the new duration applies to the next opening
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.metrics().untilNextProbe()).isEqualTo(Duration.ofSeconds(50));
  }

  @Test
  void halfOpenBreakerGetsTheNewProbeLimit() {
    // given a half-open breaker with its single probe taken
    CircuitBreakerConfig original =
        CircuitBreakerConfig.builder().failureThreshold(1).failureRateThreshold(0).build();
    CircuitBreaker breaker = breaker(original);
    fail(breaker, 1);
    time.advance(Duration.ofSeconds(60));
    assertThat(breaker.tryAcquirePermission()).isTrue();
    assertThat(breaker.tryAcquirePermission()).isFalse();

    // when 3 probes at a time are allowed
    breaker.reconfigure(CircuitBreakerConfig.from(original).permittedCallsInHalfOpen(3).build());

    // then two more probes are admitted, and no third
    assertThat(breaker.tryAcquirePermission()).isTrue();
    assertThat(breaker.tryAcquirePermission()).isTrue();
    assertThat(breaker.tryAcquirePermission()).isFalse();
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
  }
}
