package dev.ossp.runtime.core.internal.strategy;

import dev.ossp.runtime.spi.Strategy;
import java.util.Objects;

/**
 * A strategy with the place it came from.
 *
 * @param strategy the instance, shared by the whole runtime
 * @param origin {@code classpath} or the plugin jar's file name
 */
public record InstalledStrategy(Strategy strategy, String origin) {
  /** Checks that both parts are present. */
  public InstalledStrategy {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(origin, "origin");
  }

  /** Returns the class name with its origin: {@code com.x.Y (from a.jar)}. */
  public String described() {
    return strategy.getClass().getName() + " (from " + origin + ")";
  }
}
