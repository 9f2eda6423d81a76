package dev.ossp.runtime.resilience.internal;

import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import dev.ossp.runtime.resilience.RetryRegistry;
import dev.ossp.runtime.resilience.internal.config.ResilienceSettings;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The live state of one runtime's {@code resilience} component: the registries and settings it
 * started with. The component creates one in {@code configure} and binds it, so the diagnostics
 * source that Guice builds reads the same state as the component instance that ServiceLoader
 * created, and both report the same {@link #health()}.
 *
 * <p>This class is thread-safe.
 */
final class ResilienceStatus {
  /**
   * The registries and settings of a started component.
   *
   * @param breakers the bound breaker registry
   * @param retries the bound retry registry
   * @param settings the settings read at start
   */
  record Running(
      CircuitBreakerRegistry breakers, RetryRegistry retries, ResilienceSettings settings) {
    /** Checks that nothing is missing. */
    Running {
      Objects.requireNonNull(breakers, "breakers");
      Objects.requireNonNull(retries, "retries");
      Objects.requireNonNull(settings, "settings");
    }
  }

  private volatile @Nullable Running running;

  /** Records that the component started with {@code state}. */
  void started(Running state) {
    running = Objects.requireNonNull(state, "state");
  }

  /** Records that the component stopped. */
  void stopped() {
    running = null;
  }

  /** Returns the state of the started component, or null before start and after stop. */
  @Nullable Running running() {
    return running;
  }

  /** Reports UP with the state of every breaker, so operators see which targets are cut off. */
  ComponentHealth health() {
    Running current = running;
    if (current == null) {
      return ComponentHealth.up();
    }
    TreeMap<String, Object> states = new TreeMap<>();
    long open = 0;
    for (CircuitBreaker breaker : current.breakers().all()) {
      CircuitBreaker.State state = breaker.state();
      states.put(breaker.name(), state.name());
      if (!state.admitsCalls()) {
        open++;
      }
    }
    return ComponentHealth.up().withDetail("circuits", states).withDetail("open", open);
  }
}
