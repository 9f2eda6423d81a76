package dev.ossp.runtime.component;

import dev.ossp.runtime.config.ConfigKey;
import java.util.List;
import java.util.Set;

/**
 * A feature module's entry point, found with {@link java.util.ServiceLoader} on the classpath and
 * in the {@code plugins/} directory. Register an implementation in {@code
 * META-INF/services/dev.ossp.runtime.component.RuntimeComponent}; it needs a public no-argument
 * constructor.
 *
 * <p>The runtime calls, in order: {@link #configKeys()} (to validate configuration), {@link
 * #configure(ComponentBinder)} (to build one injector over all components), {@link
 * #start(ComponentContext)} in dependency order, {@link #health()} at any time while running, and
 * {@link #stop()} in reverse order. Each method is called from one thread at a time, except {@link
 * #health()}, which may be called concurrently and must be thread-safe.
 */
public interface RuntimeComponent {
  /** A stable, unique, lower-case name such as {@code discovery}. */
  String name();

  /**
   * Names of components that must be installed and started before this one. A missing one stops
   * startup with an error naming both.
   */
  default Set<String> requires() {
    return Set.of();
  }

  /** Names of components that, when installed, start before this one. */
  default Set<String> after() {
    return Set.of();
  }

  /** The configuration keys this component reads; the runtime rejects undeclared keys. */
  default List<ConfigKey<?>> configKeys() {
    return List.of();
  }

  /** Contributes bindings to the runtime's injector. */
  default void configure(ComponentBinder binder) {}

  /**
   * Starts the component. When this throws, the runtime stops every component already started, in
   * reverse order, and fails with an error naming this component.
   */
  default void start(ComponentContext context) throws Exception {}

  /** Stops the component, releasing threads, files and sockets. Called at most once per start. */
  default void stop() throws Exception {}

  /** Reports the component's health. Must be cheap and thread-safe. */
  default ComponentHealth health() {
    return ComponentHealth.up();
  }

  /**
   * Whether the runtime is {@link HealthStatus#DOWN} when this component is; a non-critical
   * component that is down makes the runtime {@link HealthStatus#DEGRADED}.
   */
  default boolean critical() {
    return true;
  }
}
