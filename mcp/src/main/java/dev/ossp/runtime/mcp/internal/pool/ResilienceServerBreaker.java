package dev.ossp.runtime.mcp.internal.pool;

import dev.ossp.runtime.resilience.CircuitBreaker;
import java.time.Duration;
import java.util.Locale;

/** A {@link ServerBreaker} backed by a breaker of the resilience component. Thread-safe. */
final class ResilienceServerBreaker implements ServerBreaker {
  private final CircuitBreaker breaker;

  ResilienceServerBreaker(CircuitBreaker breaker) {
    this.breaker = breaker;
  }

  @Override
  public boolean tryAcquirePermission() {
    return breaker.tryAcquirePermission();
  }

  @Override
  public void onSuccess(Duration lifetime) {
    breaker.onSuccess(lifetime);
  }

  @Override
  public void releasePermission() {
    breaker.releasePermission();
  }

  @Override
  public void onError(Duration lifetime, Throwable error) {
    breaker.onError(lifetime, error);
  }

  @Override
  public Duration untilNextProbe() {
    return breaker.metrics().untilNextProbe();
  }

  @Override
  public String name() {
    return breaker.name();
  }

  @Override
  public String state() {
    return breaker.state().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
