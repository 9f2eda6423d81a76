package dev.ossp.runtime.discovery;

/**
 * Receives registry events.
 *
 * <p>Events are delivered on the thread that made the change, after the change is stored and
 * visible, and in order for each agent. A listener must return quickly and must not write to the
 * registry: a write from inside a listener throws {@link IllegalStateException}. Reads are allowed.
 * An exception a listener throws is logged at WARN and does not affect the change or other
 * listeners.
 */
@FunctionalInterface
public interface RegistryListener {
  /** Handles one event. */
  void onEvent(RegistryEvent event);
}
