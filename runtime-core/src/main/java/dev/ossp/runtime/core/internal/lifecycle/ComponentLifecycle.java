package dev.ossp.runtime.core.internal.lifecycle;

import dev.ossp.runtime.component.ComponentContext;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts components in order and stops the started ones in reverse. Start and stop are called under
 * the runtime's lifecycle lock; {@link #started()} may be read from any thread.
 */
public final class ComponentLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ComponentLifecycle.class);

  private final List<RuntimeComponent> ordered;
  // Copy-on-write, because health checks read it without the lifecycle lock.
  private final List<RuntimeComponent> started = new CopyOnWriteArrayList<>();

  /** Creates the lifecycle of {@code ordered}, which is in start order. */
  public ComponentLifecycle(List<RuntimeComponent> ordered) {
    this.ordered = List.copyOf(Objects.requireNonNull(ordered, "ordered"));
  }

  /**
   * Starts every component in order. When one throws, the ones already started are stopped in
   * reverse order and the failure is thrown.
   *
   * @throws ConfigException as the component threw it, when it rejected its configuration
   * @throws OsspException naming the failed component, its error and the components stopped; its
   *     kind is the component's when it threw an {@link OsspException}, else internal
   */
  public void startAll(ComponentContext context) {
    Objects.requireNonNull(context, "context");

    for (RuntimeComponent component : ordered) {
      LOG.debug("starting component '{}'", component.name());
      try {
        component.start(context);
      } catch (Exception | LinkageError e) {
        List<String> stopped = stopAll();
        if (e instanceof ConfigException invalid) {
          // A component that rejects its configuration at start is a configuration error (exit
          // status 2 in the CLI), so it keeps its type and its violations.
          LOG.warn(
              "component '{}' rejected its configuration; stopped the components already started: {}",
              component.name(),
              stopped.isEmpty() ? "none" : String.join(", ", stopped));
          throw invalid;
        }
        ErrorKind kind = e instanceof OsspException failure ? failure.kind() : ErrorKind.INTERNAL;
        throw new OsspException(
            kind,
            "component '"
                + component.name()
                + "' failed to start: "
                + e
                + "; stopped the components already started: "
                + (stopped.isEmpty() ? "none" : String.join(", ", stopped)),
            e);
      }
      started.add(component);
    }
  }

  /**
   * Stops the started components in reverse order. A component whose stop throws is logged at WARN
   * with its name, and stopping goes on.
   *
   * @return the names of the components stopped, in stop order
   */
  public List<String> stopAll() {
    List<String> stopped = new ArrayList<>();
    for (int i = started.size() - 1; i >= 0; i--) {
      RuntimeComponent component = started.get(i);
      LOG.debug("stopping component '{}'", component.name());
      try {
        component.stop();
      } catch (Exception | LinkageError e) {
        LOG.warn("component '{}' failed to stop; continuing with the others", component.name(), e);
      }
      stopped.add(component.name());
    }
    started.clear();
    return stopped;
  }

  /** The components started and not yet stopped, in start order. */
  public List<RuntimeComponent> started() {
    return List.copyOf(started);
  }
}
