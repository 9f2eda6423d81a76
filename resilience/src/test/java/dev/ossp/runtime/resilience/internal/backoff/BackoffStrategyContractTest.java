package dev.ossp.runtime.resilience.internal.backoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.backoff.BackoffStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The {@link BackoffStrategy} contract; each built-in strategy's test extends this. */
abstract class BackoffStrategyContractTest {
  static final BackoffSettings SETTINGS =
      new BackoffSettings(Duration.ofMillis(100), 2.0, Duration.ofSeconds(10), 0.5);
  static final List<BackoffSettings> EXTREMES =
      List.of(
          SETTINGS,
          new BackoffSettings(Duration.ofNanos(1), 1.0, Duration.ofNanos(1), 1.0),
          new BackoffSettings(Duration.ofMillis(1), 100.0, Duration.ofDays(365_000), 1.0),
          new BackoffSettings(Duration.ofDays(365_000), 100.0, Duration.ofDays(365_000), 1.0),
          new BackoffSettings(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(30), 0.0));

  abstract BackoffStrategy strategy();

  abstract String expectedName();

  /**
   * Returns the retry numbers every bound is checked at: 1..2000 and large ones up to the maximum.
   */
  static List<Integer> retryNumbers() {
    List<Integer> numbers = new ArrayList<>();
    for (int retry = 1; retry <= 2_000; retry++) {
      numbers.add(retry);
    }
    for (long retry = 2_048; retry < Integer.MAX_VALUE; retry *= 3) {
      numbers.add((int) retry);
    }
    numbers.add(Integer.MAX_VALUE - 1);
    numbers.add(Integer.MAX_VALUE);
    return numbers;
  }

  /** Returns the delays for retries 1..count, feeding each back as the previous delay. */
  List<Duration> sequence(BackoffSettings settings, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Duration> delays = new ArrayList<>();
    Duration previous = Duration.ZERO;
    for (int retry = 1; retry <= count; retry++) {
      previous = strategy().delay(retry, previous, settings, random);
      delays.add(previous);
    }
    return delays;
  }

  @Test
  void hasItsNameAndIsInstalled() {
    assertThat(strategy().name()).isEqualTo(expectedName());
    assertThat(strategy().description()).isNotBlank();
    assertThat(BackoffStrategies.load().apply(expectedName())).isInstanceOf(strategy().getClass());
  }

  @Test
  void delaysStayBetweenZeroAndCap() {
    Random random = new Random(7);
    for (BackoffSettings settings : EXTREMES) {
      Duration previous = Duration.ZERO;
      for (int retry : retryNumbers()) {
        Duration delay = strategy().delay(retry, previous, settings, random);
        assertThat(delay.isNegative())
            .as("retry %d with %s is negative", retry, settings)
            .isFalse();
        assertThat(delay)
            .as("retry %d with %s", retry, settings)
            .isLessThanOrEqualTo(settings.maxDelay());
        previous = delay;
      }
    }
  }

  @Test
  void seededRandomMakesDelaysReproducible() {
    assertThat(sequence(SETTINGS, 50, 42)).isEqualTo(sequence(SETTINGS, 50, 42));
  }

  @Test
  void rejectsInvalidArguments() {
    assertThatThrownBy(() -> strategy().delay(0, Duration.ZERO, SETTINGS, new Random()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retry must be >= 1, was 0");
    assertThatThrownBy(() -> strategy().delay(1, Duration.ofMillis(-1), SETTINGS, new Random()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("previousDelay must not be negative");
  }
}
