package dev.ossp.runtime.resilience.internal.backoff;

import dev.ossp.runtime.backoff.BackoffStrategy;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.error.Violation;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The backoff strategies installed on a class path, by name, for use without the runtime (inside
 * it, the runtime's {@code Strategies} lookup also sees plugins). The first strategy found for a
 * name wins.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BackoffStrategies implements Function<String, BackoffStrategy> {
  private final Map<String, BackoffStrategy> byName;

  private BackoffStrategies(Map<String, BackoffStrategy> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** Returns the strategies found with {@link ServiceLoader} through {@code loader}. */
  public static BackoffStrategies load(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");

    Map<String, BackoffStrategy> byName = new TreeMap<>();
    for (BackoffStrategy strategy : ServiceLoader.load(BackoffStrategy.class, loader)) {
      byName.putIfAbsent(strategy.name(), strategy);
    }
    return new BackoffStrategies(byName);
  }

  /** Returns the strategies on the class path of this module. */
  public static BackoffStrategies load() {
    return load(BackoffStrategies.class.getClassLoader());
  }

  /**
   * Returns the strategy named {@code name}.
   *
   * @throws ConfigException naming the unknown strategy and listing the installed ones
   */
  @Override
  public BackoffStrategy apply(String name) {
    Objects.requireNonNull(name, "name");

    BackoffStrategy strategy = byName.get(name);
    if (strategy == null) {
      throw new ConfigException(
          new Violation(
              "backoff",
              "unknown backoff strategy '" + name + "'; installed strategies: " + byName.keySet()));
    }
    return strategy;
  }

  /** Returns the installed names, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }
}
