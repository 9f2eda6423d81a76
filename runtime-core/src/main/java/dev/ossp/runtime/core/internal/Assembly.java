package dev.ossp.runtime.core.internal;

import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.core.internal.config.DefaultRuntimeConfig;
import dev.ossp.runtime.core.internal.inject.RecordedBinding;
import dev.ossp.runtime.core.internal.plugin.Plugins;
import dev.ossp.runtime.core.internal.strategy.DefaultStrategies;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code OsspRuntime.build()} found and checked: ready to start.
 *
 * @param config the validated configuration
 * @param strategies the installed strategies and the selection per kind
 * @param components the components in start order
 * @param bindings every component's recorded bindings
 * @param plugins the plugin jars and their class loader
 * @param clock the clock bound in the injector
 */
public record Assembly(
    DefaultRuntimeConfig config,
    DefaultStrategies strategies,
    List<RuntimeComponent> components,
    List<RecordedBinding> bindings,
    Plugins plugins,
    Clock clock) {

  /** Copies the lists and checks that every part is present. */
  public Assembly {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(strategies, "strategies");
    components = List.copyOf(components);
    bindings = List.copyOf(bindings);
    Objects.requireNonNull(plugins, "plugins");
    Objects.requireNonNull(clock, "clock");
  }
}
