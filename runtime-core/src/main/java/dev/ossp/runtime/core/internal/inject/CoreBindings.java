package dev.ossp.runtime.core.internal.inject;

import dev.ossp.runtime.component.RuntimeInfo;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.core.internal.strategy.DefaultStrategies;
import dev.ossp.runtime.node.NodeInfo;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The bindings the runtime core itself adds to the injector.
 *
 * @param config the validated configuration
 * @param strategies the installed strategies and the selection per kind
 * @param clock the clock components should read time from
 * @param node where the node listens, or null when the node is disabled
 * @param runtimeInfo the runtime's components and health, or null when nothing reports them
 */
public record CoreBindings(
    RuntimeConfig config,
    DefaultStrategies strategies,
    Clock clock,
    @Nullable NodeInfo node,
    @Nullable RuntimeInfo runtimeInfo) {
  /** Checks that the required parts are present. */
  public CoreBindings {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(strategies, "strategies");
    Objects.requireNonNull(clock, "clock");
  }

  /** Creates the bindings without a {@link RuntimeInfo}. */
  public CoreBindings(
      RuntimeConfig config, DefaultStrategies strategies, Clock clock, @Nullable NodeInfo node) {
    this(config, strategies, clock, node, null);
  }
}
