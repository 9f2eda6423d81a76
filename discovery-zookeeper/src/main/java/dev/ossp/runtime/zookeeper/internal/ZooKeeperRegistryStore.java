package dev.ossp.runtime.zookeeper.internal;

import dev.ossp.runtime.registry.RecordStore;
import dev.ossp.runtime.registry.RegistryStore;
import dev.ossp.runtime.registry.StoreSettings;
import java.io.IOException;

/**
 * The {@code zookeeper} store: registry records in a ZooKeeper ensemble, shared by every runtime
 * node that uses the same ensemble and namespace. Options ({@code discovery.store.zookeeper.*}) are
 * described in {@link ZooKeeperStoreOptions}; the store keeps nothing in the store directory.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class ZooKeeperRegistryStore implements RegistryStore {
  /** The strategy name. */
  public static final String NAME = "zookeeper";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "keeps registry records in a ZooKeeper ensemble that several runtime nodes share";
  }

  @Override
  public RecordStore open(StoreSettings settings) throws IOException {
    return ZooKeeperRecordStore.open(ZooKeeperStoreOptions.parse(settings.options()));
  }
}
