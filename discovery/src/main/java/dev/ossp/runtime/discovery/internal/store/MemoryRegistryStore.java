package dev.ossp.runtime.discovery.internal.store;

import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.registry.RecordStore;
import dev.ossp.runtime.registry.RegistryStore;
import dev.ossp.runtime.registry.StoreSettings;

/**
 * The {@code memory} store: records live in the heap and are lost when the process ends. For tests,
 * benchmarks and nodes whose agents re-register after a restart. Accepts no options.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class MemoryRegistryStore implements RegistryStore {
  /** The strategy name. */
  public static final String NAME = "memory";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "keeps registry records in memory; they are lost when the process ends";
  }

  @Override
  public RecordStore open(StoreSettings settings) {
    if (!settings.options().isEmpty()) {
      String option = settings.options().keySet().iterator().next();
      throw new ConfigException(
          new Violation("discovery.store.memory." + option, "the memory store takes no options"));
    }
    return MemoryRecordStore.openLocal();
  }
}
