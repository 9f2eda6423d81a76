package dev.ossp.runtime.component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a running runtime reports about itself: its components and their health. Bound by the
 * runtime core, for components that describe the runtime to others, such as the node's A2A agent.
 * The installed strategies are in {@link dev.ossp.runtime.spi.Strategies}.
 *
 * <p>Implementations are thread-safe; every method reads the current state.
 */
public interface RuntimeInfo {
  /** The names of the installed components, in start order. */
  List<String> components();

  /** The overall health: the worst effect of any component, as the node's {@code /health} says. */
  HealthStatus status();

  /** Why the runtime is not UP, when it is not. */
  Optional<String> statusMessage();

  /** Each started component's health report, by name, in start order. */
  Map<String, ComponentHealth> componentHealth();
}
