package dev.ossp.runtime.core.internal;

import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.core.CoreConfigKeys;
import dev.ossp.runtime.core.internal.config.ConfigSources;
import dev.ossp.runtime.core.internal.config.ConfigValidator;
import dev.ossp.runtime.core.internal.config.DefaultRuntimeConfig;
import dev.ossp.runtime.core.internal.config.KeyIndex;
import dev.ossp.runtime.core.internal.config.RawValue;
import dev.ossp.runtime.core.internal.inject.BindingRecorder;
import dev.ossp.runtime.core.internal.inject.InjectorFactory;
import dev.ossp.runtime.core.internal.inject.RecordedBinding;
import dev.ossp.runtime.core.internal.lifecycle.ComponentOrder;
import dev.ossp.runtime.core.internal.plugin.LoadedProvider;
import dev.ossp.runtime.core.internal.plugin.Plugins;
import dev.ossp.runtime.core.internal.plugin.ProviderScan;
import dev.ossp.runtime.core.internal.strategy.DefaultStrategies;
import dev.ossp.runtime.core.internal.strategy.StrategyRegistry;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.error.Violation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles a runtime from its builder settings: reads the config sources, opens the plugins,
 * discovers components and strategies, validates the configuration and the selections, orders the
 * components and records their bindings. Every problem found along the way is collected into one
 * {@link ConfigException}.
 */
public final class Bootstrap {
  /** The origin of components added through the builder. */
  public static final String BUILDER_ORIGIN = "builder";

  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

  private Bootstrap() {}

  /**
   * The builder's settings.
   *
   * @param configFile the YAML file, or null
   * @param environment the environment variables to read {@code OSSP_*} from
   * @param systemProperties the properties to read {@code ossp.*} from
   * @param overrides dotted key names to values set in code
   * @param components components added in code, in the order added
   * @param discoverComponents whether to find components with the service loader
   * @param classLoader the application's class loader, parent of the plugin loader
   * @param clock the clock to bind
   */
  public record Settings(
      @Nullable Path configFile,
      Map<String, String> environment,
      Properties systemProperties,
      Map<String, Object> overrides,
      List<RuntimeComponent> components,
      boolean discoverComponents,
      ClassLoader classLoader,
      Clock clock) {}

  /**
   * Assembles the runtime.
   *
   * @throws ConfigException listing every configuration, plugin, strategy and component problem
   * @throws OsspException of kind internal if a component fails in {@code configure} or two
   *     components bind one type
   */
  public static Assembly assemble(Settings settings) {
    Objects.requireNonNull(settings, "settings");

    ConfigSources sources =
        ConfigSources.load(
            settings.configFile(),
            settings.environment(),
            settings.systemProperties(),
            settings.overrides());
    Path pluginsDirectory = pluginsDirectory(sources);
    String pluginsSource =
        sources
            .winningValue(CoreConfigKeys.RUNTIME_PLUGINS_DIR)
            .map(RawValue::source)
            .orElse("the default");
    Plugins plugins = Plugins.open(pluginsDirectory, pluginsSource, settings.classLoader());
    try {
      return assemble(settings, sources, plugins);
    } catch (RuntimeException e) {
      closeQuietly(plugins);
      throw e;
    }
  }

  private static Assembly assemble(Settings settings, ConfigSources sources, Plugins plugins) {
    List<Violation> violations = new ArrayList<>();
    List<RuntimeComponent> components = components(settings, plugins, violations);
    StrategyRegistry registry = StrategyRegistry.discover(plugins, violations);

    Map<String, List<ConfigKey<?>>> keysByOwner = new LinkedHashMap<>();
    keysByOwner.put("the runtime core", CoreConfigKeys.ALL);
    for (RuntimeComponent component : components) {
      try {
        keysByOwner.put(
            "component '" + component.name() + "'", List.copyOf(component.configKeys()));
      } catch (RuntimeException e) {
        violations.add(
            new Violation(
                ComponentOrder.FIELD,
                "component '" + component.name() + "' failed in configKeys(): " + e));
      }
    }
    KeyIndex keys = KeyIndex.build(keysByOwner, violations);
    DefaultRuntimeConfig config =
        ConfigValidator.validate(sources.inPrecedenceOrder(keys, violations), keys, violations);
    DefaultStrategies strategies = registry.select(config, violations);
    List<RuntimeComponent> ordered = ComponentOrder.order(components, violations);
    if (!violations.isEmpty()) {
      throw new ConfigException(violations);
    }

    List<RecordedBinding> bindings = new ArrayList<>();
    for (RuntimeComponent component : ordered) {
      BindingRecorder recorder = new BindingRecorder(component.name());
      try {
        component.configure(recorder);
      } catch (RuntimeException e) {
        throw new OsspException(
            ErrorKind.INTERNAL,
            "component '" + component.name() + "' failed in configure(): " + e,
            e);
      }
      bindings.addAll(recorder.bindings());
    }
    InjectorFactory.checkConflicts(bindings);
    LOG.debug("assembled components {} and strategies {}", names(ordered), strategies.describe());
    return new Assembly(config, strategies, ordered, bindings, plugins, settings.clock());
  }

  private static Path pluginsDirectory(ConfigSources sources) {
    ConfigKey<Path> key = CoreConfigKeys.RUNTIME_PLUGINS_DIR;
    RawValue raw = sources.winningValue(key).orElse(null);
    if (raw == null) {
      return key.defaultValue().orElseThrow();
    }
    try {
      return key.convert(raw.value());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          new Violation(
              key.name(),
              "invalid value '"
                  + ConfigValidator.shown(key, raw.value())
                  + "' for "
                  + key.name()
                  + " (from "
                  + raw.source()
                  + "): "
                  + e.getMessage()));
    }
  }

  private static List<RuntimeComponent> components(
      Settings settings, Plugins plugins, List<Violation> violations) {
    List<LoadedProvider<RuntimeComponent>> found = new ArrayList<>();
    for (RuntimeComponent component : settings.components()) {
      found.add(new LoadedProvider<>(component, BUILDER_ORIGIN));
    }
    if (settings.discoverComponents()) {
      ProviderScan<RuntimeComponent> scan =
          ProviderScan.scan(RuntimeComponent.class, plugins, ComponentOrder.FIELD);
      violations.addAll(scan.violations());
      found.addAll(scan.providers());
    }
    List<RuntimeComponent> components = new ArrayList<>();
    for (LoadedProvider<RuntimeComponent> provider : uniqueByName(found, violations).values()) {
      components.add(provider.instance());
    }
    return components;
  }

  /**
   * Returns the components by name. An invalid name, or a second component with a name already
   * taken, adds a violation naming the classes and their origins.
   */
  private static Map<String, LoadedProvider<RuntimeComponent>> uniqueByName(
      List<LoadedProvider<RuntimeComponent>> found, List<Violation> violations) {
    Map<String, LoadedProvider<RuntimeComponent>> byName = new LinkedHashMap<>();
    for (LoadedProvider<RuntimeComponent> provider : found) {
      String name;
      try {
        name = provider.instance().name();
      } catch (RuntimeException e) {
        violations.add(
            new Violation(
                ComponentOrder.FIELD,
                "component " + provider.described() + " failed in name(): " + e));
        continue;
      }
      if (name == null || !name.matches(CoreConfigKeys.NAME_PATTERN)) {
        violations.add(
            new Violation(
                ComponentOrder.FIELD,
                "component "
                    + provider.described()
                    + " has the invalid name '"
                    + name
                    + "'; names must match "
                    + CoreConfigKeys.NAME_PATTERN));
        continue;
      }
      LoadedProvider<RuntimeComponent> existing = byName.putIfAbsent(name, provider);
      if (existing != null) {
        violations.add(
            new Violation(
                ComponentOrder.FIELD,
                "two components are named '"
                    + name
                    + "': "
                    + existing.described()
                    + " and "
                    + provider.described()
                    + "; remove one of them or rename it"));
      }
    }
    return byName;
  }

  private static List<String> names(List<RuntimeComponent> components) {
    List<String> names = new ArrayList<>();
    for (RuntimeComponent component : components) {
      names.add(component.name());
    }
    return names;
  }

  private static void closeQuietly(Plugins plugins) {
    try {
      plugins.close();
    } catch (IOException e) {
      LOG.debug("closing the plugin class loader failed", e);
    }
  }
}
