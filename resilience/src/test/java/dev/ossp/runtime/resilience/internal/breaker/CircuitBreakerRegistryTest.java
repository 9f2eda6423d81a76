package dev.ossp.runtime.resilience.internal.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerEvent;
import dev.ossp.runtime.resilience.CircuitBreakerListener;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import dev.ossp.runtime.resilience.internal.ManualTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CircuitBreakerRegistryTest {
  private final CircuitBreakerConfig defaults =
      CircuitBreakerConfig.builder().failureThreshold(7).build();
  private final CircuitBreakerConfig payments =
      CircuitBreakerConfig.builder().failureThreshold(3).build();
  private final CircuitBreakerRegistry registry =
      new DefaultCircuitBreakerRegistry(
          defaults, Map.of("payments", payments), new ManualTime(), null);

  @Test
  void returnsOneBreakerPerName() {
    // when the same name is asked for twice, once with another config
    CircuitBreaker first = registry.circuitBreaker("urn:agent:ai:ml");
    CircuitBreaker second =
        registry.circuitBreaker("urn:agent:ai:ml", CircuitBreakerConfig.preset("critical"));

    // then both are the same breaker with the defaults
    assertThat(second).isSameAs(first);
    assertThat(first.config().failureThreshold()).isEqualTo(7);
    assertThat(registry.names()).containsExactly("urn:agent:ai:ml");
  }

  @Test
  void perNameOverrideWinsOverDefaults() {
    assertThat(registry.circuitBreaker("payments").config().failureThreshold()).isEqualTo(3);
    assertThat(registry.configFor("payments")).isSameAs(payments);
    assertThat(registry.configFor("other")).isSameAs(defaults);
  }

  @Test
  void createsBreakersFromPresets() {
    // when a breaker is created from a preset
    CircuitBreaker breaker = registry.circuitBreaker("reports", "slow-unreliable");

    // then it has the preset's values
    assertThat(breaker.config().failureThreshold()).isEqualTo(3);
    assertThat(breaker.config().successThreshold()).isEqualTo(2);
    assertThat(breaker.config().openDuration()).isEqualTo(Duration.ofSeconds(120));

    // and an unknown preset is rejected with the known names
    assertThatThrownBy(() -> registry.circuitBreaker("x", "fast"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown circuit breaker preset 'fast'")
        .hasMessageContaining("fast-reliable");
  }

  @Test
  void registryListenerHearsEveryBreaker() {
    // given a registry listener and a breaker created before it
    CircuitBreaker early = registry.circuitBreaker("early");
    List<CircuitBreakerEvent> events = new CopyOnWriteArrayList<>();
    CircuitBreakerListener listener = events::add;
    registry.addListener(listener);
    CircuitBreaker late = registry.circuitBreaker("late");

    // when both breakers record a call
    early.onSuccess(Duration.ZERO);
    late.onSuccess(Duration.ZERO);

    // then the listener heard both
    assertThat(events)
        .extracting(CircuitBreakerEvent::breakerName)
        .containsExactly("early", "late");

    // when it is removed, it hears nothing more
    registry.removeListener(listener);
    early.onSuccess(Duration.ZERO);
    assertThat(events).hasSize(2);
  }

  @Test
  void removedBreakerIsReplacedByAFreshOne() {
    // given a breaker with a recorded call
    CircuitBreaker old = registry.circuitBreaker("temp");
    old.onSuccess(Duration.ZERO);

    // when it is removed and asked for again
    assertThat(registry.remove("temp")).containsSame(old);
    CircuitBreaker fresh = registry.circuitBreaker("temp");

    // then the new breaker starts empty
    assertThat(fresh).isNotSameAs(old);
    assertThat(fresh.metrics().bufferedCalls()).isZero();
  }
}
