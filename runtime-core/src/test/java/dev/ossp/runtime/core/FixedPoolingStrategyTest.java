package dev.ossp.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.core.internal.pool.FixedPoolingStrategy;
import dev.ossp.runtime.pool.PoolController;
import dev.ossp.runtime.pool.PoolSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedPoolingStrategyTest {
  @Test
  void limitsStayAsConfiguredUnderLoad() {
    // given
    PoolSettings settings = new PoolSettings("a2a.http", 50, 10, 2, 20, Duration.ofSeconds(30));
    PoolController controller = new FixedPoolingStrategy().create(settings);
    List<String> changes = new ArrayList<>();
    controller.addListener((key, oldLimit, newLimit, reason) -> changes.add(key));

    // when
    for (int round = 0; round < 5; round++) {
      controller.recordLeaseWait("agent-a", Duration.ofSeconds(2));
      controller.recordUsage("agent-a", 10, 0);
      controller.evaluate(Instant.parse("2030-01-01T00:00:00Z").plusSeconds(round));
    }

    // then
    assertThat(controller.settings()).isSameAs(settings);
    assertThat(controller.maxTotal()).isEqualTo(50);
    assertThat(controller.maxPerKey("agent-a")).isEqualTo(10);
    assertThat(controller.maxPerKey("agent-b")).isEqualTo(10);
    assertThat(controller.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(changes).isEmpty();
  }

  @Test
  void isTheDefaultPoolingStrategy() {
    // when
    FixedPoolingStrategy strategy = new FixedPoolingStrategy();

    // then
    assertThat(strategy.name()).isEqualTo("fixed");
    assertThat(dev.ossp.runtime.spi.StrategyKind.POOLING.defaultName()).contains("fixed");
  }
}
