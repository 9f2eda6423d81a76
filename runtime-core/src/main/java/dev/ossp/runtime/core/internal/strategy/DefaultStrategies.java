package dev.ossp.runtime.core.internal.strategy;

import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.spi.Strategies;
import dev.ossp.runtime.spi.Strategy;
import dev.ossp.runtime.spi.StrategyKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The installed strategies by kind and name, and the runtime-wide selection for each kind that has
 * a selection key. Immutable after construction and thread-safe.
 */
public final class DefaultStrategies implements Strategies {
  /** How a kind with a selection key but no installed strategy is described. */
  public static final String NOT_INSTALLED = "not installed";

  private final Map<StrategyKind<?>, SortedMap<String, InstalledStrategy>> installed;
  private final Map<StrategyKind<?>, String> selected;

  DefaultStrategies(
      Map<StrategyKind<?>, SortedMap<String, InstalledStrategy>> installed,
      Map<StrategyKind<?>, String> selected) {
    Map<StrategyKind<?>, SortedMap<String, InstalledStrategy>> copy = new LinkedHashMap<>();
    for (StrategyKind<?> kind : StrategyKind.ALL) {
      copy.put(
          kind,
          Collections.unmodifiableSortedMap(
              new TreeMap<>(installed.getOrDefault(kind, new TreeMap<>()))));
    }
    this.installed = Collections.unmodifiableMap(copy);
    this.selected = Map.copyOf(selected);
  }

  @Override
  public <S extends Strategy> S get(StrategyKind<S> kind, String name) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");

    return find(kind, name)
        .orElseThrow(
            () ->
                new ConfigException(
                    new Violation(
                        kind.configKey().orElse("strategies." + kind.label()),
                        "unknown "
                            + kind.label()
                            + " strategy '"
                            + name
                            + "'; "
                            + knownNames(kind))));
  }

  @Override
  public <S extends Strategy> Optional<S> find(StrategyKind<S> kind, String name) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");

    InstalledStrategy strategy = byName(kind).get(name);
    return strategy == null ? Optional.empty() : Optional.of(kind.type().cast(strategy.strategy()));
  }

  @Override
  public <S extends Strategy> S selected(StrategyKind<S> kind) {
    Objects.requireNonNull(kind, "kind");

    return selectedIfInstalled(kind)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    kind.configKey().isEmpty()
                        ? kind.label()
                            + " strategies have no runtime-wide selection; look one up by name"
                        : "no "
                            + kind.label()
                            + " strategy is installed; add a module or plugin that provides"
                            + " one"));
  }

  /** Returns the selected strategy of {@code kind}, or empty when none of the kind is installed. */
  public <S extends Strategy> Optional<S> selectedIfInstalled(StrategyKind<S> kind) {
    Objects.requireNonNull(kind, "kind");

    String name = selected.get(kind);
    return name == null ? Optional.empty() : find(kind, name);
  }

  @Override
  public Set<String> names(StrategyKind<?> kind) {
    Objects.requireNonNull(kind, "kind");

    return Collections.unmodifiableSet(byName(kind).keySet());
  }

  @Override
  public Optional<String> origin(StrategyKind<?> kind, String name) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");

    InstalledStrategy strategy = byName(kind).get(name);
    return strategy == null ? Optional.empty() : Optional.of(strategy.origin());
  }

  /**
   * Returns each kind that has a selection key, by label, with its selected name or {@link
   * #NOT_INSTALLED}; for logs, health and diagnostics.
   */
  public Map<String, String> describe() {
    Map<String, String> described = new LinkedHashMap<>();
    for (StrategyKind<?> kind : StrategyKind.ALL) {
      if (kind.configKey().isPresent()) {
        described.put(kind.label(), selected.getOrDefault(kind, NOT_INSTALLED));
      }
    }
    return Collections.unmodifiableMap(described);
  }

  private Map<String, InstalledStrategy> byName(StrategyKind<?> kind) {
    SortedMap<String, InstalledStrategy> strategies = installed.get(kind);
    return strategies == null ? Map.of() : strategies;
  }

  /** Returns {@code known: a, b} or {@code no <kind> strategies are installed}. */
  String knownNames(StrategyKind<?> kind) {
    Set<String> names = names(kind);
    return names.isEmpty()
        ? "no " + kind.label() + " strategies are installed"
        : "known: " + String.join(", ", names);
  }

  @Override
  public String toString() {
    return "Strategies" + describe();
  }
}
