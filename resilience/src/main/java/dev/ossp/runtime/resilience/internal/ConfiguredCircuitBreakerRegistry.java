package dev.ossp.runtime.resilience.internal;

import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.resilience.internal.breaker.DefaultCircuitBreakerRegistry;
import dev.ossp.runtime.resilience.internal.config.ResilienceSettings;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The breaker registry the {@code resilience} component binds: defaults and per-name overrides from
 * {@code resilience.circuit-breakers.*}.
 *
 * <p>This class is thread-safe.
 */
public final class ConfiguredCircuitBreakerRegistry extends DefaultCircuitBreakerRegistry {
  /**
   * Creates the registry from the runtime configuration.
   *
   * @throws dev.ossp.runtime.config.ConfigException listing every invalid combination of values
   */
  @Inject
  public ConfiguredCircuitBreakerRegistry(
      RuntimeConfig config, Clock clock, ResilienceServices services) {
    this(ResilienceSettings.read(config, "decorrelated-jitter"), clock, services);
  }

  private ConfiguredCircuitBreakerRegistry(
      ResilienceSettings settings, Clock clock, ResilienceServices services) {
    super(
        settings.breakerDefaults(),
        settings.breakerOverrides(),
        TimeSource.of(clock),
        services.scheduler());
  }
}
