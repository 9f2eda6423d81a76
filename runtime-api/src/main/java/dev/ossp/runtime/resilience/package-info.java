/**
 * Circuit breakers, retry policies, retry budgets and adaptive tuning: the interfaces and immutable
 * configurations that modules use to protect their calls.
 *
 * <p>Instances come from the {@link dev.ossp.runtime.resilience.CircuitBreakerRegistry} and {@link
 * dev.ossp.runtime.resilience.RetryRegistry} that the {@code resilience} component binds in the
 * runtime's injector, or, without the runtime, from {@link
 * dev.ossp.runtime.resilience.ResilienceProvider#load()}.
 */
@NullMarked
package dev.ossp.runtime.resilience;

import org.jspecify.annotations.NullMarked;
