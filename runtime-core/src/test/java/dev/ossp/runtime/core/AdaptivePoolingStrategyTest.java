package dev.ossp.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.core.internal.pool.AdaptivePoolingStrategy;
import dev.ossp.runtime.pool.PoolController;
import dev.ossp.runtime.pool.PoolSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptivePoolingStrategyTest {
  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  private final PoolSettings settings =
      new PoolSettings("a2a.http", 100, 4, 2, 9, Duration.ofSeconds(30));
  private final PoolController controller = new AdaptivePoolingStrategy().create(settings);
  private final List<String> changes = new ArrayList<>();

  private void round(int index, String key, Duration wait, int leased) {
    if (!wait.isZero()) {
      controller.recordLeaseWait(key, wait);
    }
    controller.recordUsage(key, leased, 0);
    controller.evaluate(START.plusSeconds(index));
  }

  @Test
  void raisesLimitAfterSustainedLeaseWaits() {
    // given
    controller.addListener(
        (key, oldLimit, newLimit, reason) -> changes.add(key + " " + oldLimit + "->" + newLimit));

    // when: two rounds under pressure change nothing
    round(0, "agent-a", Duration.ofMillis(50), 4);
    round(1, "agent-a", Duration.ofMillis(50), 4);

    // then
    assertThat(controller.maxPerKey("agent-a")).isEqualTo(4);
    assertThat(changes).isEmpty();

    // when: the third round under pressure raises the limit by half
    round(2, "agent-a", Duration.ofMillis(50), 4);

    // then
    assertThat(controller.maxPerKey("agent-a")).isEqualTo(6);
    assertThat(changes).containsExactly("agent-a 4->6");
    assertThat(controller.maxPerKey("agent-b")).isEqualTo(4);
  }

  @Test
  void neverRaisesAboveCeiling() {
    // when
    for (int i = 0; i < 30; i++) {
      round(i, "agent-a", Duration.ofMillis(50), 9);
    }

    // then
    assertThat(controller.maxPerKey("agent-a")).isEqualTo(9);
    assertThat(controller.maxTotal()).isEqualTo(100);
  }

  @Test
  void shortWaitsAreNoPressure() {
    // when
    for (int i = 0; i < 10; i++) {
      round(i, "agent-a", Duration.ofMillis(1), 4);
    }

    // then
    assertThat(controller.maxPerKey("agent-a")).isEqualTo(4);
  }

  @Test
  void lowersLimitWhenIdleDownToFloor() {
    // given
    controller.addListener((key, oldLimit, newLimit, reason) -> changes.add(reason));

    // when
    for (int i = 0; i < 3; i++) {
      round(i, "agent-a", Duration.ZERO, 0);
    }

    // then
    assertThat(controller.maxPerKey("agent-a")).isEqualTo(3);
    assertThat(changes).containsExactly("idle for 3 rounds");

    // when
    for (int i = 3; i < 30; i++) {
      round(i, "agent-a", Duration.ZERO, 0);
    }

    // then
    assertThat(controller.maxPerKey("agent-a")).isEqualTo(2);
  }

  @Test
  void busyKeyWithoutWaitsKeepsLimit() {
    // when
    for (int i = 0; i < 10; i++) {
      round(i, "agent-a", Duration.ZERO, 3);
    }

    // then
    assertThat(controller.maxPerKey("agent-a")).isEqualTo(4);
  }

  @Test
  void failingListenerDoesNotStopChange() {
    // given
    controller.addListener(
        (key, oldLimit, newLimit, reason) -> {
          throw new IllegalStateException("listener failure");
        });
    controller.addListener((key, oldLimit, newLimit, reason) -> changes.add(key));

    // when
    for (int i = 0; i < 3; i++) {
      round(i, "agent-a", Duration.ofMillis(20), 4);
    }

    // then
    assertThat(controller.maxPerKey("agent-a")).isEqualTo(6);
    assertThat(changes).containsExactly("agent-a");
  }

  @Test
  void isRegisteredUnderItsName() {
    // when
    List<String> names = new ArrayList<>();
    java.util.ServiceLoader.load(dev.ossp.runtime.pool.PoolingStrategy.class)
        .forEach(strategy -> names.add(strategy.name()));

    // then
    assertThat(names).contains("fixed", "adaptive");
  }
}
