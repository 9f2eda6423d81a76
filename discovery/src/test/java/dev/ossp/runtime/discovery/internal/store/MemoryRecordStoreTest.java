package dev.ossp.runtime.discovery.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.discovery.contract.RecordStoreContractTest;
import dev.ossp.runtime.registry.RegistryStore;
import dev.ossp.runtime.registry.StoreSettings;
import dev.ossp.runtime.registry.StoredRecord;
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
  void revisionsCountUpFromOne() {
    // when
    StoredRecord a = store.insert("a", "v1");
    StoredRecord a2 = store.replace("a", a.revision(), "v2");
    StoredRecord b = store.insert("b", "v1");

    // then
    assertThat(a.revision()).isEqualTo(1);
    assertThat(a2.revision()).isEqualTo(2);
    assertThat(b.revision()).isEqualTo(3);
  }

  @Test
  void memoryStoreRejectsOptions() {
    assertThatThrownBy(
            () -> strategy().open(new StoreSettings(directory, Map.of("fsync", "always"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("discovery.store.memory.fsync");
  }
}
