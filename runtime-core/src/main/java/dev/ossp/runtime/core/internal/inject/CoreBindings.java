package dev.ossp.runtime.core.internal.inject;

import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.core.internal.strategy.DefaultStrategies;
import dev.ossp.runtime.node.NodeInfo;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the runtime core itself binds in the injector.
 *
 * @param config the validated configuration
 * @param strategies the installed strategies and the selection per kind
 * @param clock the clock components should read time from
 * @param node where the node listens, or null when the node is disabled
 */
public record CoreBindings(
    RuntimeConfig config, DefaultStrategies strategies, Clock clock, @Nullable NodeInfo node) {
  /** Checks that the required parts are present. */
  public CoreBindings {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(strategies, "strategies");
    Objects.requireNonNull(clock, "clock");
  }
}
