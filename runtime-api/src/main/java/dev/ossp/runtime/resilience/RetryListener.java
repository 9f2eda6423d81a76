package dev.ossp.runtime.resilience;

/**
 * Receives a retry policy's events. Implementations must be thread-safe and quick: they run on the
 * thread of the call or of the scheduler. An exception they throw is logged at WARN and otherwise
 * ignored.
 */
@FunctionalInterface
public interface RetryListener {
  /** Handles one event. */
  void onEvent(RetryEvent event);
}
