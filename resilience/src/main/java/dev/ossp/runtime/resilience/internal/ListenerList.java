package dev.ossp.runtime.resilience.internal;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * A copy-on-write array of listeners. {@link #isEmpty()} is one volatile read, so callers check it
 * before creating an event and create nothing when nobody listens. A listener that throws is logged
 * at WARN and never stops the others or the call.
 *
 * <p>This class is thread-safe.
 *
 * @param <L> the listener type
 */
public final class ListenerList<L> {
  private final Logger log;
  private final String owner;
  private final @Nullable ListenerList<L> parent;
  private final AtomicReference<Object[]> listeners = new AtomicReference<>(new Object[0]);

  /**
   * Creates an empty list.
   *
   * @param log where a failing listener is reported
   * @param owner what the listeners listen to, for the log, such as {@code circuit 'payments'}
   */
  public ListenerList(Logger log, String owner) {
    this(log, owner, null);
  }

  /**
   * Creates an empty list whose events also go to the listeners of {@code parent}, such as a
   * registry's listeners for each of its breakers.
   */
  public ListenerList(Logger log, String owner, @Nullable ListenerList<L> parent) {
    this.log = Objects.requireNonNull(log, "log");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.parent = parent;
  }

  /** Returns whether no listener is registered here or in the parent. */
  public boolean isEmpty() {
    return listeners.get().length == 0 && (parent == null || parent.isEmpty());
  }

  /** Adds {@code listener}; adding one twice makes it run twice. */
  public void add(L listener) {
    Objects.requireNonNull(listener, "listener");

    listeners.updateAndGet(
        current -> {
          Object[] copy = Arrays.copyOf(current, current.length + 1);
          copy[copy.length - 1] = listener;
          return copy;
        });
  }

  /** Removes one registration of {@code listener}, if present. */
  public void remove(L listener) {
    Objects.requireNonNull(listener, "listener");

    listeners.updateAndGet(
        current -> {
          for (int i = 0; i < current.length; i++) {
            if (current[i].equals(listener)) {
              Object[] copy = new Object[current.length - 1];
              System.arraycopy(current, 0, copy, 0, i);
              System.arraycopy(current, i + 1, copy, i, current.length - i - 1);
              return copy;
            }
          }
          return current;
        });
  }

  /** Passes {@code event} to every listener here, then to those of the parent. */
  @SuppressWarnings("unchecked")
  public <E> void publish(E event, BiConsumer<L, E> delivery) {
    for (Object listener : listeners.get()) {
      try {
        delivery.accept((L) listener, event);
      } catch (RuntimeException e) {
        log.warn("listener {} of {} failed on {}", listener, owner, event, e);
      }
    }
    if (parent != null) {
      parent.publish(event, delivery);
    }
  }
}
