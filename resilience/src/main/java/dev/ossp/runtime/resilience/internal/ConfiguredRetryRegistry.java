package dev.ossp.runtime.resilience.internal;

import dev.ossp.runtime.backoff.BackoffStrategy;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.resilience.internal.config.ResilienceSettings;
import dev.ossp.runtime.resilience.internal.retry.DefaultRetryRegistry;
import dev.ossp.runtime.spi.Strategies;
import dev.ossp.runtime.spi.StrategyKind;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The retry registry the {@code resilience} component binds: defaults and per-name overrides from
 * {@code resilience.retries.*} and {@code resilience.retry-budgets.*}, backoff strategies from the
 * runtime's {@link Strategies} (plugins included), and {@code strategies.backoff} as the default
 * strategy.
 *
 * <p>This class is thread-safe.
 */
public final class ConfiguredRetryRegistry extends DefaultRetryRegistry {
  /**
   * Creates the registry from the runtime configuration.
   *
   * @throws dev.ossp.runtime.config.ConfigException listing every invalid combination of values, or
   *     naming a backoff strategy that is not installed
   */
  @Inject
  public ConfiguredRetryRegistry(
      RuntimeConfig config, Strategies strategies, Clock clock, ResilienceServices services) {
    this(
        ResilienceSettings.read(config, strategies.selected(StrategyKind.BACKOFF).name()),
        strategies,
        clock,
        services);
  }

  private ConfiguredRetryRegistry(
      ResilienceSettings settings,
      Strategies strategies,
      Clock clock,
      ResilienceServices services) {
    super(
        settings.retryDefaults(),
        settings.retryOverrides(),
        settings.budgetDefaults(),
        settings.budgetOverrides(),
        new Services(
            name -> strategies.<BackoffStrategy>get(StrategyKind.BACKOFF, name),
            TimeSource.of(clock),
            Sleeper.system(),
            services.scheduler(),
            ThreadLocalRandom::current));
    // Fail at startup, not on first use, when a configured policy names an unknown strategy.
    settings
        .retryOverrides()
        .values()
        .forEach(retry -> strategies.get(StrategyKind.BACKOFF, retry.backoff()));
    strategies.get(StrategyKind.BACKOFF, settings.retryDefaults().backoff());
  }
}
