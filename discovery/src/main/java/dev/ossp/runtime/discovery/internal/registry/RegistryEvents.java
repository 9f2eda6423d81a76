package dev.ossp.runtime.discovery.internal.registry;

import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.RegistryEvent;
import dev.ossp.runtime.discovery.RegistryListener;
import dev.ossp.runtime.urn.AgentUrn;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers registry events to listeners on the writing thread. No event object is created while
 * there are no listeners. A listener that throws is logged at WARN; one that writes to the registry
 * gets an {@link IllegalStateException}, because writes from listeners could deadlock.
 *
 * <p>This class is thread-safe.
 */
final class RegistryEvents {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryEvents.class);
  private static final ThreadLocal<Boolean> DELIVERING = ThreadLocal.withInitial(() -> false);

  private final CopyOnWriteArrayList<RegistryListener> listeners = new CopyOnWriteArrayList<>();

  void add(RegistryListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  void remove(RegistryListener listener) {
    listeners.remove(listener);
  }

  /** Throws when the current thread is delivering an event. */
  static void checkNotDelivering() {
    if (DELIVERING.get()) {
      throw new IllegalStateException(
          "a registry listener must not write to the registry; hand the write to another thread");
    }
  }

  void fire(
      RegistryEvent.Type type,
      AgentUrn urn,
      @Nullable AgentRecord previous,
      @Nullable AgentRecord current,
      Instant at) {
    if (listeners.isEmpty()) {
      return;
    }
    RegistryEvent event = new RegistryEvent(type, urn, previous, current, at);
    DELIVERING.set(true);
    try {
      for (RegistryListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          LOG.warn("registry listener {} failed on {} of '{}'", listener, type, urn, e);
        }
      }
    } finally {
      DELIVERING.set(false);
    }
  }
}
