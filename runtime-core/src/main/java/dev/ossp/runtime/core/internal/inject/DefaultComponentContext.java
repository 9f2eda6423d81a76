package dev.ossp.runtime.core.internal.inject;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import dev.ossp.runtime.component.ComponentContext;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.metrics.Metrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The context every component receives at start: configuration, the injector's instances, metrics
 * and the data directory. Thread-safe.
 */
public final class DefaultComponentContext implements ComponentContext {
  private final RuntimeConfig config;
  private final Injector injector;
  private final Path dataDirectory;

  /** Creates the context; {@code dataDirectory} is created on first use. */
  public DefaultComponentContext(RuntimeConfig config, Injector injector, Path dataDirectory) {
    this.config = Objects.requireNonNull(config, "config");
    this.injector = Objects.requireNonNull(injector, "injector");
    this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
  }

  @Override
  public RuntimeConfig config() {
    return config;
  }

  @Override
  public <T> T instance(Class<T> type) {
    Objects.requireNonNull(type, "type");

    return instance(injector, type);
  }

  @Override
  public <T> Optional<T> find(Class<T> type) {
    Objects.requireNonNull(type, "type");

    return find(injector, type);
  }

  @Override
  public Metrics metrics() {
    return injector.getInstance(Metrics.class);
  }

  @Override
  public Path dataDirectory() {
    try {
      return Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the data directory " + dataDirectory.toAbsolutePath(), e);
    }
  }

  /**
   * Returns the instance bound to {@code type} in {@code injector}.
   *
   * @throws IllegalStateException if nothing binds the type
   */
  public static <T> T instance(Injector injector, Class<T> type) {
    return find(injector, type)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no component binds "
                        + type.getName()
                        + "; install the module that provides it"));
  }

  /** Returns the instance bound to {@code type} in {@code injector}, or empty. */
  public static <T> Optional<T> find(Injector injector, Class<T> type) {
    Binding<T> binding = injector.getExistingBinding(Key.get(type));
    return binding == null ? Optional.empty() : Optional.of(binding.getProvider().get());
  }
}
