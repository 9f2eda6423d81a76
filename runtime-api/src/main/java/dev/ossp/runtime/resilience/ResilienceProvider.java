package dev.ossp.runtime.resilience;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Creates registries without the runtime, for plain Java programs and tests. Inside a runtime,
 * inject {@link CircuitBreakerRegistry} and {@link RetryRegistry} instead: those are configured
 * from the runtime configuration.
 *
 * <p>Registries created here use the system clock and a shared daemon scheduler. Implementations
 * are thread-safe.
 */
public interface ResilienceProvider {
  /** Returns a new breaker registry whose breakers default to {@code defaults}. */
  CircuitBreakerRegistry circuitBreakerRegistry(CircuitBreakerConfig defaults);

  /**
   * Returns a new retry registry whose policies default to {@code defaults} and whose budgets
   * default to {@code budgetDefaults}. Backoff strategies are found with {@link ServiceLoader}.
   */
  RetryRegistry retryRegistry(RetryConfig defaults, RetryBudgetConfig budgetDefaults);

  /**
   * Returns the first provider found with {@link ServiceLoader} on the class path of this
   * interface.
   *
   * @throws IllegalStateException if none is installed; add the {@code ossp-resilience} jar
   */
  static ResilienceProvider load() {
    Iterator<ResilienceProvider> providers =
        ServiceLoader.load(ResilienceProvider.class, ResilienceProvider.class.getClassLoader())
            .iterator();
    if (!providers.hasNext()) {
      throw new IllegalStateException(
          "no ResilienceProvider is installed; add the ossp-resilience jar to the class path");
    }
    return providers.next();
  }
}
