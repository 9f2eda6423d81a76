package dev.ossp.runtime.resilience.internal.backoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.backoff.BackoffStrategy;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The strategies whose whole delay is random: full, equal and decorrelated jitter. */
class RandomizedStrategiesTest {
  static final BackoffSettings SETTINGS =
      new BackoffSettings(Duration.ofMillis(100), 2.0, Duration.ofSeconds(10), 0.5);
  static final int SAMPLES = 20_000;

  /** Returns min, max and mean in milliseconds of the delays for {@code retry}. */
  static double[] stats(BackoffStrategy strategy, int retry, Duration previous) {
    Random random = new Random(11);
    double min = Double.MAX_VALUE;
    double max = 0;
    double sum = 0;
    for (int i = 0; i < SAMPLES; i++) {
      double millis = strategy.delay(retry, previous, SETTINGS, random).toNanos() / 1e6;
      min = Math.min(min, millis);
      max = Math.max(max, millis);
      sum += millis;
    }
    return new double[] {min, max, sum / SAMPLES};
  }

  @Nested
  class FullJitter extends BackoffStrategyContractTest {
    @Override
    BackoffStrategy strategy() {
      return new ExponentialFullJitterBackoff();
    }

    @Override
    String expectedName() {
      return "exponential-full-jitter";
    }

    @Test
    void isUniformBetweenZeroAndTheExponentialDelay() {
      // retry 4: the envelope is 100 ms × 2^3 = 800 ms
      double[] stats = stats(strategy(), 4, Duration.ZERO);
      assertThat(stats[0]).isBetween(0.0, 10.0);
      assertThat(stats[1]).isBetween(790.0, 800.0);
      assertThat(stats[2]).isBetween(390.0, 410.0);
    }
  }

  @Nested
  class EqualJitter extends BackoffStrategyContractTest {
    @Override
    BackoffStrategy strategy() {
      return new EqualJitterBackoff();
    }

    @Override
    String expectedName() {
      return "equal-jitter";
    }

    @Test
    void isUniformInUpperHalf() {
      double[] stats = stats(strategy(), 4, Duration.ZERO);
      assertThat(stats[0]).isBetween(400.0, 410.0);
      assertThat(stats[1]).isBetween(790.0, 800.0);
      assertThat(stats[2]).isBetween(590.0, 610.0);
    }
  }

  @Nested
  class DecorrelatedJitter extends BackoffStrategyContractTest {
    @Override
    BackoffStrategy strategy() {
      return new DecorrelatedJitterBackoff();
    }

    @Override
    String expectedName() {
      return "decorrelated-jitter";
    }

    @Test
    void firstRetryWaitsTheBaseDelay() {
      assertThat(strategy().delay(1, Duration.ZERO, SETTINGS, new Random(1)))
          .isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void staysBetweenBaseAndPreviousTimesMultiplier() {
      double[] stats = stats(strategy(), 5, Duration.ofMillis(300));
      assertThat(stats[0]).isBetween(100.0, 110.0);
      assertThat(stats[1]).isBetween(590.0, 600.0);
      assertThat(stats[2]).isBetween(340.0, 360.0);
    }

    @Test
    void neverExceedsTheCapWhateverThePreviousDelay() {
      double[] stats = stats(strategy(), 9, Duration.ofDays(365));
      assertThat(stats[1]).isLessThanOrEqualTo(10_000.0);
    }
  }
}
