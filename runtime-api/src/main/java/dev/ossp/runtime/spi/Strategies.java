package dev.ossp.runtime.spi;

import java.util.Optional;
import java.util.Set;

/**
 * The strategies installed in this runtime, by kind and name. Bound by the runtime core; inject it
 * to look up a strategy by name, for example the {@code AuthProvider} a target's config names.
 *
 * <p>Implementations are immutable after startup and thread-safe.
 */
public interface Strategies {
  /**
   * Returns the strategy of {@code kind} named {@code name}.
   *
   * @throws dev.ossp.runtime.config.ConfigException naming the unknown strategy and listing the
   *     known names of that kind
   */
  <S extends Strategy> S get(StrategyKind<S> kind, String name);

  /** Returns the strategy of {@code kind} named {@code name}, or empty. */
  <S extends Strategy> Optional<S> find(StrategyKind<S> kind, String name);

  /**
   * Returns the strategy of {@code kind} selected in configuration, or the kind's default.
   *
   * @throws IllegalStateException if no strategy of the kind is installed
   */
  <S extends Strategy> S selected(StrategyKind<S> kind);

  /** Returns the names of the installed strategies of {@code kind}, sorted. */
  Set<String> names(StrategyKind<?> kind);

  /**
   * Returns where the strategy came from: {@code classpath} or the plugin jar's file name, for
   * diagnostics.
   */
  Optional<String> origin(StrategyKind<?> kind, String name);
}
