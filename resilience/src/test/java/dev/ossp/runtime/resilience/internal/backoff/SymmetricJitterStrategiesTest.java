package dev.ossp.runtime.resilience.internal.backoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.backoff.BackoffStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The strategies with a deterministic curve and symmetric jitter: fixed, linear, exponential. */
class SymmetricJitterStrategiesTest {
  static final BackoffSettings NO_JITTER =
      new BackoffSettings(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0.0);

  /** Checks that delays without jitter never decrease and reach the cap. */
  static void assertMonotoneUpToTheCap(BackoffStrategy strategy, List<Long> expectedMillis) {
    Duration previous = Duration.ZERO;
    for (int retry = 1; retry <= expectedMillis.size(); retry++) {
      Duration delay = strategy.delay(retry, previous, NO_JITTER, new Random(1));
      assertThat(delay.toMillis()).as("retry %d", retry).isEqualTo(expectedMillis.get(retry - 1));
      assertThat(delay).isGreaterThanOrEqualTo(previous);
      previous = delay;
    }
    for (int retry : BackoffStrategyContractTest.retryNumbers()) {
      assertThat(strategy.delay(retry, previous, NO_JITTER, new Random(1)))
          .isLessThanOrEqualTo(NO_JITTER.maxDelay());
    }
  }

  /** Checks that jittered delays stay within ±factor of the curve and under the cap. */
  static void assertJitterBounds(BackoffStrategy strategy, int retry, double preJitterMillis) {
    BackoffSettings jittered =
        new BackoffSettings(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0.25);
    Random random = new Random(3);
    double low = Double.MAX_VALUE;
    double high = 0;
    for (int sample = 0; sample < 5_000; sample++) {
      double millis = strategy.delay(retry, Duration.ZERO, jittered, random).toNanos() / 1e6;
      low = Math.min(low, millis);
      high = Math.max(high, millis);
    }
    assertThat(low).isGreaterThanOrEqualTo(preJitterMillis * 0.75);
    assertThat(high).isLessThanOrEqualTo(Math.min(1_000, preJitterMillis * 1.25));
    // The samples spread over most of the range, so the jitter is really applied.
    assertThat(high - low)
        .isGreaterThan(Math.min(1_000, preJitterMillis * 1.25) - preJitterMillis * 0.75 - 20);
  }

  @Nested
  class Fixed extends BackoffStrategyContractTest {
    @Override
    BackoffStrategy strategy() {
      return new FixedBackoff();
    }

    @Override
    String expectedName() {
      return "fixed";
    }

    @Test
    void waitsTheBaseDelayEveryTime() {
      assertMonotoneUpToTheCap(strategy(), List.of(100L, 100L, 100L, 100L));
      assertJitterBounds(strategy(), 5, 100);
    }
  }

  @Nested
  class Linear extends BackoffStrategyContractTest {
    @Override
    BackoffStrategy strategy() {
      return new LinearBackoff();
    }

    @Override
    String expectedName() {
      return "linear";
    }

    @Test
    void growsLinearlyToCap() {
      assertMonotoneUpToTheCap(
          strategy(),
          List.of(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1_000L, 1_000L));
      assertJitterBounds(strategy(), 3, 300);
    }
  }

  @Nested
  class Exponential extends BackoffStrategyContractTest {
    @Override
    BackoffStrategy strategy() {
      return new ExponentialBackoff();
    }

    @Override
    String expectedName() {
      return "exponential";
    }

    @Test
    void doublesUpToTheCap() {
      assertMonotoneUpToTheCap(strategy(), List.of(100L, 200L, 400L, 800L, 1_000L, 1_000L));
      assertJitterBounds(strategy(), 3, 400);
    }

    @Test
    void capAppliesAfterJitter() {
      // given a delay already at the cap, with 25% jitter
      // then no sample exceeds the cap
      assertJitterBounds(strategy(), 10, 1_000);
    }
  }
}
