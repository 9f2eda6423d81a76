package dev.ossp.runtime.discovery.internal.store;

import dev.ossp.runtime.registry.RecordStore;
import dev.ossp.runtime.registry.RegistryStore;
import dev.ossp.runtime.registry.StoreSettings;
import java.io.IOException;

/**
 * The {@code file} store, the embedded default: a journal of JSON lines with snapshots in the
 * store's own directory. Options ({@code discovery.store.file.*}): {@code fsync} ({@code always} or
 * {@code batch}), {@code fsync-delay} and {@code compact-after}; see {@link FileStoreOptions}.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class FileRegistryStore implements RegistryStore {
  /** The strategy name. */
  public static final String NAME = "file";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "journal of JSON lines with snapshots, fsynced before each write is acknowledged";
  }

  @Override
  public RecordStore open(StoreSettings settings) throws IOException {
    return FileRecordStore.open(settings.directory(), FileStoreOptions.parse(settings.options()));
  }
}
