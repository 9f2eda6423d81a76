package dev.ossp.runtime.discovery.internal.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.discovery.contract.RecordStoreContractTest;
import dev.ossp.runtime.registry.RegistryStore;
import dev.ossp.runtime.registry.StoreSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryRecordStoreTest extends RecordStoreContractTest {
  @Override
  protected RegistryStore strategy() {
    return new MemoryRegistryStore();
  }

  @Override
  protected boolean durable() {
    return false;
  }

  @Test
  void memoryStoreRejectsOptions() {
    assertThatThrownBy(
            () -> strategy().open(new StoreSettings(directory, Map.of("fsync", "always"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("discovery.store.memory.fsync");
  }
}
