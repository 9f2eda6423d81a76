package dev.ossp.runtime.resilience.internal.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.resilience.AdaptiveTuningConfig;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.RetryBudgetConfig;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryPolicy;
import dev.ossp.runtime.resilience.internal.ManualScheduler;
import dev.ossp.runtime.resilience.internal.ManualTime;
import dev.ossp.runtime.resilience.internal.RecordingSleeper;
import dev.ossp.runtime.resilience.internal.backoff.BackoffStrategies;
import dev.ossp.runtime.resilience.internal.breaker.DefaultCircuitBreakerRegistry;
import dev.ossp.runtime.resilience.internal.retry.DefaultRetryRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdaptiveTunerTest {
  private final ManualTime time = new ManualTime();
  private final ManualScheduler scheduler = new ManualScheduler(time);
  private final DefaultCircuitBreakerRegistry breakers =
      new DefaultCircuitBreakerRegistry(
          CircuitBreakerConfig.builder().failureThreshold(5).failureRateThreshold(0).build(),
          Map.of(),
          time,
          scheduler);
  private final DefaultRetryRegistry retries =
      new DefaultRetryRegistry(
          RetryConfig.builder()
              .maxAttempts(4)
              .baseDelay(Duration.ofMillis(100))
              .maxDelay(Duration.ofSeconds(2))
              .build(),
          Map.of(),
          RetryBudgetConfig.defaults(),
          Map.of(),
          new DefaultRetryRegistry.Services(
              BackoffStrategies.load(),
              time,
              new RecordingSleeper(time),
              scheduler,
              () -> new Random(1)));
  private final AdaptiveTuningConfig config =
      AdaptiveTuningConfig.builder()
          .enabled(true)
          .interval(Duration.ofSeconds(30))
          .minCallsPerInterval(10)
          .failureThresholdBounds(3, 8)
          .maxAttemptsBounds(2, 5)
          .baseDelayBounds(Duration.ofMillis(50), Duration.ofMillis(400))
          .build();

  /** Records {@code failures} failed and {@code successes} successful calls on the breaker. */
  private static void traffic(CircuitBreaker breaker, int failures, int successes) {
    for (int i = 0; i < successes; i++) {
      breaker.onSuccess(Duration.ZERO);
    }
    for (int i = 0; i < failures; i++) {
      // Interleave successes so consecutive failures never open the breaker.
      breaker.onError(Duration.ZERO, new IllegalStateException("failure " + i));
      breaker.onSuccess(Duration.ZERO);
    }
  }

  @Test
  void tightensWithinBounds() {
    // given a target with a breaker and a retry policy, and a running tuner
    CircuitBreaker breaker = breakers.circuitBreaker("pricing");
    RetryPolicy policy = retries.retryPolicy("pricing");
    AdaptiveTuner tuner = new AdaptiveTuner(breakers, retries, config, scheduler);
    tuner.start();
    scheduler.advance(Duration.ofSeconds(30));

    for (int round = 1; round <= 5; round++) {
      // when half the calls of an interval fail
      traffic(breaker, 20, 0);
      scheduler.advance(Duration.ofSeconds(30));
    }

    // then each run tightened one step until the bounds stopped it
    assertThat(breaker.config().failureThreshold()).isEqualTo(3);
    assertThat(policy.config().maxAttempts()).isEqualTo(2);
    assertThat(policy.config().baseDelay()).isEqualTo(Duration.ofMillis(400));
    tuner.close();
  }

  @Test
  void relaxesBackTowardTheConfiguredValues() {
    // given a target tightened by two runs
    CircuitBreaker breaker = breakers.circuitBreaker("stock");
    RetryPolicy policy = retries.retryPolicy("stock");
    AdaptiveTuner tuner = new AdaptiveTuner(breakers, retries, config, scheduler);
    tuner.tune();
    traffic(breaker, 20, 0);
    tuner.tune();
    traffic(breaker, 20, 0);
    tuner.tune();
    assertThat(breaker.config().failureThreshold()).isEqualTo(3);
    assertThat(policy.config().baseDelay()).isEqualTo(Duration.ofMillis(400));

    // when three healthy intervals follow
    for (int round = 0; round < 3; round++) {
      traffic(breaker, 0, 50);
      tuner.tune();
    }

    // then every value went back to what was configured, and no further
    assertThat(breaker.config().failureThreshold()).isEqualTo(5);
    assertThat(policy.config().maxAttempts()).isEqualTo(4);
    assertThat(policy.config().baseDelay()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void ignoresIntervalsWithTooFewCalls() {
    // given a breaker with only 4 failed calls per interval
    CircuitBreaker breaker = breakers.circuitBreaker("rare");
    AdaptiveTuner tuner = new AdaptiveTuner(breakers, retries, config, scheduler);
    tuner.tune();

    // when an interval passes
    traffic(breaker, 4, 0);
    tuner.tune();

    // then nothing changed
    assertThat(breaker.config().failureThreshold()).isEqualTo(5);
  }

  @Test
  void staysWithinBoundsForRandomRates() {
    // given a tuner and a seeded sequence of random failure rates
    CircuitBreaker breaker = breakers.circuitBreaker("random");
    RetryPolicy policy = retries.retryPolicy("random");
    AdaptiveTuner tuner = new AdaptiveTuner(breakers, retries, config, scheduler);
    Random random = new Random(99);
    tuner.tune();

    for (int round = 0; round < 200; round++) {
      // when an interval has a random share of failures
      int failures = random.nextInt(30);
      traffic(breaker, failures, random.nextInt(30));
      tuner.tune();

      // then every tuned value stays within its bounds
      assertThat(breaker.config().failureThreshold()).isBetween(3, 8);
      assertThat(policy.config().maxAttempts()).isBetween(2, 5);
      assertThat(policy.config().baseDelay())
          .isBetween(Duration.ofMillis(50), Duration.ofMillis(400));
    }
  }

  @Test
  void tunesRetryOnlyTargetsFromTheirAttempts() {
    // given a retry policy without a breaker, whose calls fail every attempt
    RetryPolicy policy = retries.retryPolicy("retry-only");
    AdaptiveTuner tuner = new AdaptiveTuner(breakers, retries, config, scheduler);
    tuner.tune();
    for (int i = 0; i < 5; i++) {
      try {
        policy.executeSupplier(
            () -> {
              throw new dev.ossp.runtime.error.OsspException(
                  dev.ossp.runtime.error.ErrorKind.NETWORK, "down");
            });
      } catch (RuntimeException expected) {
        // The failures are the traffic the tuner observes.
      }
    }

    // when the tuner runs
    tuner.tune();

    // then it tightened the policy
    assertThat(policy.config().maxAttempts()).isEqualTo(3);
    assertThat(policy.config().baseDelay()).isEqualTo(Duration.ofMillis(200));
  }
}
