package dev.ossp.runtime.core.internal.plugin;

import java.util.Objects;

/**
 * A provider that loaded and was instantiated.
 *
 * @param instance the provider
 * @param origin {@code classpath} or the file name of the plugin jar its class came from
 * @param <S> the service type
 */
public record LoadedProvider<S>(S instance, String origin) {
  /** Checks that both parts are present. */
  public LoadedProvider {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(origin, "origin");
  }

  /** The provider's class name. */
  public String className() {
    return instance.getClass().getName();
  }

  /** Returns the class name with its origin, as messages show it: {@code com.x.Y (from a.jar)}. */
  public String described() {
    return className() + " (from " + origin + ")";
  }
}
