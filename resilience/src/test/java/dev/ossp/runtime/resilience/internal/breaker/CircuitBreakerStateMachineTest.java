package dev.ossp.runtime.resilience.internal.breaker;

import static dev.ossp.runtime.resilience.internal.breaker.Breakers.fail;
import static dev.ossp.runtime.resilience.internal.breaker.Breakers.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.error.CircuitOpenException;
import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreaker.State;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerEvent;
import dev.ossp.runtime.resilience.internal.ManualScheduler;
import dev.ossp.runtime.resilience.internal.ManualTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CircuitBreakerStateMachineTest {
  private final ManualTime time = new ManualTime();
  private final ManualScheduler scheduler = new ManualScheduler(time);

  private CircuitBreaker breaker(CircuitBreakerConfig config) {
    return new DefaultCircuitBreaker("payments", config, time, scheduler);
  }

  private static CircuitBreakerConfig.Builder consecutiveOnly() {
    return CircuitBreakerConfig.builder().failureRateThreshold(0);
  }

  @Test
  void opensAfterConsecutiveFailures() {
    // given a breaker with the default threshold of 5 consecutive failures
    CircuitBreaker breaker = breaker(consecutiveOnly().build());

    // when 4 calls fail
    fail(breaker, 4);

    // then it is still closed
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.metrics().consecutiveFailures()).isEqualTo(4);

    // when the fifth fails
    fail(breaker, 1);

    // then it is open, with one opening and five failures recorded
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.metrics().openings()).isEqualTo(1);
    assertThat(breaker.metrics().failedCalls()).isEqualTo(5);
  }

  @Test
  void successResetsConsecutiveFailures() {
    // given a breaker with 4 consecutive failures
    CircuitBreaker breaker = breaker(consecutiveOnly().build());
    fail(breaker, 4);

    // when a call succeeds and 4 more fail
    succeed(breaker, 1);
    fail(breaker, 4);

    // then the breaker counted consecutive failures only, and stays closed
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.metrics().consecutiveFailures()).isEqualTo(4);
  }

  @Test
  void rejectsFastWhileOpenWithoutCountingFailures() {
    // given an open breaker
    CircuitBreaker breaker = breaker(consecutiveOnly().failureThreshold(2).build());
    fail(breaker, 2);
    time.advance(Duration.ofSeconds(20));

    // when a call arrives 20 s into the 60 s wait
    // then it is rejected with the breaker's name and the 40 s left until the next probe
    assertThatThrownBy(() -> breaker.executeSupplier(() -> "never runs"))
        .isInstanceOfSatisfying(
            CircuitOpenException.class,
            rejected -> {
              assertThat(rejected.kind()).isEqualTo(ErrorKind.CIRCUIT_OPEN);
              assertThat(rejected.breakerName()).isEqualTo("payments");
              assertThat(rejected.untilNextProbe()).isEqualTo(Duration.ofSeconds(40));
            });

    // and it counts as not permitted, never as a failure
    assertThat(breaker.metrics().notPermittedCalls()).isEqualTo(1);
    assertThat(breaker.metrics().failedCalls()).isEqualTo(2);
    assertThat(breaker.metrics().totalFailedCalls()).isEqualTo(2);
    assertThat(breaker.tryAcquirePermission()).isFalse();
    assertThat(breaker.metrics().notPermittedCalls()).isEqualTo(2);
  }

  @Test
  void halfOpensLazilyOnNextCall() {
    // given an open breaker
    CircuitBreaker breaker = breaker(consecutiveOnly().failureThreshold(1).build());
    fail(breaker, 1);

    // when the open duration has passed and no call arrives
    time.advance(Duration.ofSeconds(60));

    // then it still reports OPEN with no wait left
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.metrics().untilNextProbe()).isZero();

    // when a call arrives, it is admitted as the probe
    assertThat(breaker.tryAcquirePermission()).isTrue();

    // then the breaker is half-open and admits no second probe
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    assertThat(breaker.tryAcquirePermission()).isFalse();
  }

  @Test
  void closesAfterSuccessThresholdProbes() {
    // given a half-open breaker that needs 3 successful probes, one at a time
    CircuitBreaker breaker = breaker(consecutiveOnly().failureThreshold(1).build());
    fail(breaker, 1);
    time.advance(Duration.ofSeconds(60));

    // when two probes succeed
    succeed(breaker, 2);

    // then it is still half-open
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);

    // when the third probe succeeds
    succeed(breaker, 1);

    // then it is closed, with an empty window and no consecutive failures
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.metrics().bufferedCalls()).isZero();
    assertThat(breaker.metrics().consecutiveFailures()).isZero();
    assertThat(breaker.metrics().totalSuccessfulCalls()).isEqualTo(3);
  }

  @Test
  void probeFailureReopensWithLongerWait() {
    // given a breaker whose open duration doubles per consecutive opening
    CircuitBreaker breaker =
        breaker(
            consecutiveOnly()
                .failureThreshold(1)
                .openDuration(Duration.ofSeconds(10))
                .openDurationMultiplier(2.0)
                .build());
    fail(breaker, 1);
    assertThat(breaker.metrics().untilNextProbe()).isEqualTo(Duration.ofSeconds(10));

    // when the wait passes and the first probe fails
    time.advance(Duration.ofSeconds(10));
    succeed(breaker, 1);
    fail(breaker, 1);

    // then one success did not save it: it is open again for 20 s
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.metrics().untilNextProbe()).isEqualTo(Duration.ofSeconds(20));
    assertThat(breaker.metrics().openings()).isEqualTo(2);

    // when the next probe fails too, the wait doubles again
    time.advance(Duration.ofSeconds(20));
    fail(breaker, 1);
    assertThat(breaker.metrics().untilNextProbe()).isEqualTo(Duration.ofSeconds(40));

    // and after it closes, the next opening starts from 10 s again
    time.advance(Duration.ofSeconds(40));
    succeed(breaker, 3);
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    fail(breaker, 1);
    assertThat(breaker.metrics().untilNextProbe()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void reopensWhenProbesDoNotFinishInTime() {
    // given a half-open breaker whose only probe was taken and abandoned
    CircuitBreaker breaker =
        breaker(
            consecutiveOnly().failureThreshold(1).maxWaitInHalfOpen(Duration.ofSeconds(5)).build());
    fail(breaker, 1);
    time.advance(Duration.ofSeconds(60));
    assertThat(breaker.tryAcquirePermission()).isTrue();

    // when a call arrives 4 s later, it is rejected: the probe may still finish
    time.advance(Duration.ofSeconds(4));
    assertThat(breaker.tryAcquirePermission()).isFalse();
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);

    // when a call arrives after the 5 s limit
    time.advance(Duration.ofSeconds(1));
    assertThat(breaker.tryAcquirePermission()).isFalse();

    // then the breaker is open again instead of wedged
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.metrics().openings()).isEqualTo(2);

    // and the abandoned probe's late report changes nothing
    breaker.onSuccess(Duration.ofSeconds(6));
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void releasedProbeFreesItsSlot() {
    // given a half-open breaker whose only probe slot is taken
    CircuitBreaker breaker = breaker(consecutiveOnly().failureThreshold(1).build());
    fail(breaker, 1);
    time.advance(Duration.ofSeconds(60));
    assertThat(breaker.tryAcquirePermission()).isTrue();

    // when the caller releases the permission without a call
    breaker.releasePermission();

    // then another probe is admitted
    assertThat(breaker.tryAcquirePermission()).isTrue();
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
  }

  @Test
  void schedulerMovesOpenToHalfOpenWhenEnabled() {
    // given a breaker with automatic transitions
    CircuitBreaker breaker =
        breaker(consecutiveOnly().failureThreshold(1).automaticTransition(true).build());
    fail(breaker, 1);

    // when the scheduler reaches the end of the wait, without any call
    scheduler.advance(Duration.ofSeconds(59));
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    scheduler.advance(Duration.ofSeconds(1));

    // then the breaker is half-open
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
  }

  @Test
  void schedulerReopensAbandonedProbes() {
    // given a half-open breaker with automatic transitions and a probe that never reports
    CircuitBreaker breaker =
        breaker(
            consecutiveOnly()
                .failureThreshold(1)
                .automaticTransition(true)
                .maxWaitInHalfOpen(Duration.ofSeconds(5))
                .build());
    fail(breaker, 1);
    scheduler.advance(Duration.ofSeconds(60));
    assertThat(breaker.tryAcquirePermission()).isTrue();

    // when 5 s pass with no call at all
    scheduler.advance(Duration.ofSeconds(5));

    // then the scheduled check opened the breaker again
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void retryAfterHintSetsTheOpenDuration() {
    // given a breaker that opens on one failure
    CircuitBreaker breaker = breaker(consecutiveOnly().failureThreshold(1).build());

    // when the failure carries a 7 s retry-after hint
    OsspException limited =
        new OsspException(
            ErrorKind.RATE_LIMITED,
            "too many requests",
            null,
            ErrorContext.builder().retryAfter(Duration.ofSeconds(7)).build());
    breaker.onError(Duration.ofMillis(3), limited);

    // then the breaker waits 7 s, not the default 60 s
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(breaker.metrics().untilNextProbe()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void forcedOpenRejectsUntilAnotherTransition() {
    // given a closed breaker
    CircuitBreaker breaker = breaker(CircuitBreakerConfig.defaults());

    // when an operator forces it open, and a long time passes
    breaker.transitionToForcedOpen();
    time.advance(Duration.ofHours(1));

    // then every call is rejected and counted as not permitted
    assertThat(breaker.tryAcquirePermission()).isFalse();
    assertThatThrownBy(breaker::acquirePermission).isInstanceOf(CircuitOpenException.class);
    assertThat(breaker.state()).isEqualTo(State.FORCED_OPEN);
    assertThat(breaker.metrics().notPermittedCalls()).isEqualTo(2);

    // when the operator closes it, calls are admitted again
    breaker.transitionToClosed();
    assertThat(breaker.tryAcquirePermission()).isTrue();
  }

  @Test
  void disabledAdmitsEverythingAndRecordsNothing() {
    // given a disabled breaker
    CircuitBreaker breaker = breaker(consecutiveOnly().failureThreshold(1).build());
    breaker.transitionToDisabled();

    // when many calls fail
    fail(breaker, 10);

    // then it stays disabled and recorded nothing
    assertThat(breaker.state()).isEqualTo(State.DISABLED);
    assertThat(breaker.metrics().bufferedCalls()).isZero();
    assertThat(breaker.metrics().totalFailedCalls()).isZero();
  }

  @Test
  void metricsOnlyReportsThresholdsButNeverOpens() {
    // given a metrics-only breaker with a listener
    CircuitBreaker breaker = breaker(consecutiveOnly().failureThreshold(2).build());
    List<CircuitBreakerEvent> events = new CopyOnWriteArrayList<>();
    breaker.transitionToMetricsOnly();
    breaker.addListener(events::add);

    // when calls keep failing
    fail(breaker, 3);

    // then it records them and reports the threshold, but stays metrics-only
    assertThat(breaker.state()).isEqualTo(State.METRICS_ONLY);
    assertThat(breaker.metrics().failedCalls()).isEqualTo(3);
    assertThat(events)
        .filteredOn(CircuitBreakerEvent.ThresholdExceeded.class::isInstance)
        .hasSize(2);
    assertThat(events).noneMatch(CircuitBreakerEvent.StateTransition.class::isInstance);
  }

  @Test
  void resetClearsEveryCount() {
    // given an open breaker that rejected a call
    CircuitBreaker breaker = breaker(consecutiveOnly().failureThreshold(1).build());
    fail(breaker, 1);
    breaker.tryAcquirePermission();

    // when it is reset
    breaker.reset();

    // then it is closed with all counts at zero
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.metrics().openings()).isZero();
    assertThat(breaker.metrics().notPermittedCalls()).isZero();
    assertThat(breaker.metrics().bufferedCalls()).isZero();
    assertThat(breaker.metrics().totalFailedCalls()).isZero();
  }

  @Test
  void operatorTransitionsPublishEvents() {
    // given a breaker with a listener
    CircuitBreaker breaker = breaker(CircuitBreakerConfig.defaults());
    List<CircuitBreakerEvent> events = new CopyOnWriteArrayList<>();
    breaker.addListener(events::add);

    // when an operator walks it through open, half-open and closed
    breaker.transitionToOpen();
    breaker.transitionToHalfOpen();
    breaker.transitionToClosed();

    // then each move was published in order
    assertThat(events)
        .filteredOn(CircuitBreakerEvent.StateTransition.class::isInstance)
        .map(event -> ((CircuitBreakerEvent.StateTransition) event).to())
        .containsExactly(State.OPEN, State.HALF_OPEN, State.CLOSED);
    assertThat(breaker.metrics().openings()).isEqualTo(1);
  }
}
