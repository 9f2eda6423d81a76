package dev.ossp.runtime.resilience;

/**
 * Receives a breaker's events. Implementations must be thread-safe and quick: they run on the
 * thread that caused the event, inside the protected call. An exception they throw is logged at
 * WARN and otherwise ignored.
 */
@FunctionalInterface
public interface CircuitBreakerListener {
  /** Handles one event. */
  void onEvent(CircuitBreakerEvent event);
}
