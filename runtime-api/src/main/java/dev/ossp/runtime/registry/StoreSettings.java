package dev.ossp.runtime.registry;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how a store keeps its data.
 *
 * @param directory the store's own directory; created if missing; file stores lock it
 * @param options store-specific options, from {@code discovery.store.<name>.*} in configuration
 */
public record StoreSettings(Path directory, Map<String, String> options) {
  /** Copies the options. */
  public StoreSettings {
    Objects.requireNonNull(directory, "directory");
    options = Map.copyOf(Objects.requireNonNull(options, "options"));
  }
}
