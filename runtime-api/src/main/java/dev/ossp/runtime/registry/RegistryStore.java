package dev.ossp.runtime.registry;

import dev.ossp.runtime.spi.Strategy;
import java.io.IOException;

/**
 * Persists the agent registry's records. Built-ins: {@code file} (the embedded default, a journal
 * with snapshots) and {@code memory}. A distributed store plugs in here and proves itself with the
 * discovery module's store contract tests.
 */
public interface RegistryStore extends Strategy {
  /**
   * Opens the store.
   *
   * @throws IOException when the store cannot be read or locked
   */
  RecordStore open(StoreSettings settings) throws IOException;
}
