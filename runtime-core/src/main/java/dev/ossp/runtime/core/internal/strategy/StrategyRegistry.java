package dev.ossp.runtime.core.internal.strategy;

import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.core.CoreConfigKeys;
import dev.ossp.runtime.core.internal.config.DefaultRuntimeConfig;
import dev.ossp.runtime.core.internal.plugin.LoadedProvider;
import dev.ossp.runtime.core.internal.plugin.Plugins;
import dev.ossp.runtime.core.internal.plugin.ProviderScan;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.spi.Strategy;
import dev.ossp.runtime.spi.StrategyKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Discovers the strategies of every kind and checks their names and the selection per kind. */
public final class StrategyRegistry {
  private final Map<StrategyKind<?>, SortedMap<String, InstalledStrategy>> installed;

  private StrategyRegistry(Map<StrategyKind<?>, SortedMap<String, InstalledStrategy>> installed) {
    this.installed = installed;
  }

  /**
   * Finds the strategies of every kind with {@link java.util.ServiceLoader}. Providers that fail to
   * load, names that break {@link CoreConfigKeys#NAME_PATTERN} and two strategies of one kind with
   * one name add violations naming the classes and their origins.
   */
  public static StrategyRegistry discover(Plugins plugins, List<Violation> violations) {
    Objects.requireNonNull(plugins, "plugins");
    Objects.requireNonNull(violations, "violations");

    Map<StrategyKind<?>, SortedMap<String, InstalledStrategy>> installed = new LinkedHashMap<>();
    for (StrategyKind<?> kind : StrategyKind.ALL) {
      String field = field(kind);
      ProviderScan<? extends Strategy> scan = ProviderScan.scan(kind.type(), plugins, field);
      violations.addAll(scan.violations());
      SortedMap<String, InstalledStrategy> byName = new TreeMap<>();
      for (LoadedProvider<? extends Strategy> provider : scan.providers()) {
        String name = nameOf(provider, violations, field);
        if (name == null) {
          continue;
        }
        InstalledStrategy strategy = new InstalledStrategy(provider.instance(), provider.origin());
        InstalledStrategy existing = byName.putIfAbsent(name, strategy);
        if (existing != null) {
          violations.add(
              new Violation(
                  field,
                  "two "
                      + kind.label()
                      + " strategies are named '"
                      + name
                      + "': "
                      + existing.described()
                      + " and "
                      + strategy.described()
                      + "; remove one of them or rename it"));
        }
      }
      installed.put(kind, byName);
    }
    return new StrategyRegistry(installed);
  }

  /**
   * Checks the selection of every kind with a selection key against the installed names and returns
   * the strategies. A kind with installed strategies must have the selected name, which is the
   * configured one or else the kind's default. A kind with none installed is "not installed", and
   * configuring a name for it is an error.
   */
  public DefaultStrategies select(DefaultRuntimeConfig config, List<Violation> violations) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(violations, "violations");

    Map<StrategyKind<?>, String> selected = new LinkedHashMap<>();
    DefaultStrategies unselected = new DefaultStrategies(installed, Map.of());
    for (StrategyKind<?> kind : StrategyKind.ALL) {
      if (kind.configKey().isEmpty()) {
        continue;
      }
      ConfigKey<String> key = CoreConfigKeys.strategyKeyOf(kind);
      boolean configured = config.isSet(key);
      String name = config.get(key);
      SortedMap<String, InstalledStrategy> byName = installed.get(kind);
      if (byName.containsKey(name)) {
        selected.put(kind, name);
      } else if (!byName.isEmpty() || configured) {
        String source =
            configured
                ? config.sourceOf(key.segments()).map(s -> "from " + s).orElse("configured")
                : "the default";
        violations.add(
            new Violation(
                key.name(),
                "unknown "
                    + kind.label()
                    + " strategy '"
                    + name
                    + "' for "
                    + key.name()
                    + " ("
                    + source
                    + "); "
                    + unselected.knownNames(kind)));
      }
    }
    return new DefaultStrategies(installed, selected);
  }

  private static String field(StrategyKind<?> kind) {
    return kind.configKey().orElse("strategies." + kind.label());
  }

  private static @Nullable String nameOf(
      LoadedProvider<? extends Strategy> provider, List<Violation> violations, String field) {
    String name;
    try {
      name = provider.instance().name();
    } catch (RuntimeException e) {
      violations.add(
          new Violation(field, "strategy " + provider.described() + " failed in name(): " + e));
      return null;
    }
    if (name == null || !name.matches(CoreConfigKeys.NAME_PATTERN)) {
      violations.add(
          new Violation(
              field,
              "strategy "
                  + provider.described()
                  + " has the invalid name '"
                  + name
                  + "'; names must match "
                  + CoreConfigKeys.NAME_PATTERN));
      return null;
    }
    return name;
  }
}
