package dev.ossp.runtime.resilience.internal;

import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import dev.ossp.runtime.resilience.ResilienceProvider;
import dev.ossp.runtime.resilience.RetryBudgetConfig;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryRegistry;
import dev.ossp.runtime.resilience.internal.backoff.BackoffStrategies;
import dev.ossp.runtime.resilience.internal.breaker.DefaultCircuitBreakerRegistry;
import dev.ossp.runtime.resilience.internal.retry.DefaultRetryRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@link ResilienceProvider} found with ServiceLoader: registries on the system clock, one
 * shared daemon scheduler thread for the whole JVM (started with its first task), and the backoff
 * strategies on this module's class path.
 *
 * <p>This class is thread-safe.
 */
public final class DefaultResilienceProvider implements ResilienceProvider {
  private static final ResilienceServices SHARED = new ResilienceServices("ossp-resilience-shared");

  /** Creates the provider; ServiceLoader needs this constructor. */
  public DefaultResilienceProvider() {}

  @Override
  public CircuitBreakerRegistry circuitBreakerRegistry(CircuitBreakerConfig defaults) {
    Objects.requireNonNull(defaults, "defaults");

    return new DefaultCircuitBreakerRegistry(
        defaults, Map.of(), TimeSource.system(), SHARED.scheduler());
  }

  @Override
  public RetryRegistry retryRegistry(RetryConfig defaults, RetryBudgetConfig budgetDefaults) {
    Objects.requireNonNull(defaults, "defaults");
    Objects.requireNonNull(budgetDefaults, "budgetDefaults");

    BackoffStrategies strategies = BackoffStrategies.load();
    strategies.apply(defaults.backoff());
    return new DefaultRetryRegistry(
        defaults,
        Map.of(),
        budgetDefaults,
        Map.of(),
        new DefaultRetryRegistry.Services(
            strategies,
            TimeSource.system(),
            Sleeper.system(),
            SHARED.scheduler(),
            ThreadLocalRandom::current));
  }
}
