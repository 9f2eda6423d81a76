package dev.ossp.runtime.discovery.internal.store;

import dev.ossp.runtime.registry.RecordStore;
import dev.ossp.runtime.registry.StoredRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records in a concurrent map. Each write is atomic per key; nothing is durable.
 *
 * <p>This class is thread-safe.
 */
final class MemoryRecordStore implements RecordStore {
  private final ConcurrentHashMap<String, StoredRecord> records = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  @Override
  public List<StoredRecord> loadAll() {
    ensureOpen();
    return List.copyOf(records.values());
  }

  @Override
  public Optional<StoredRecord> get(String key) {
    Objects.requireNonNull(key, "key");
    ensureOpen();

    return Optional.ofNullable(records.get(key));
  }

  @Override
  public StoredRecord insert(String key, String payload) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
    ensureOpen();

    StoredRecord created = new StoredRecord(key, 1, payload);
    StoredRecord existing = records.putIfAbsent(key, created);
    if (existing != null) {
      throw StoreErrors.exists(key, existing.revision());
    }
    return created;
  }

  @Override
  public StoredRecord replace(String key, long expectedRevision, String payload) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
    ensureOpen();

    StoredRecord[] result = new StoredRecord[1];
    records.compute(
        key,
        (k, current) -> {
          if (current == null) {
            throw StoreErrors.missing(key);
          }
          if (current.revision() != expectedRevision) {
            throw StoreErrors.staleRevision(key, expectedRevision, current.revision());
          }
          result[0] = new StoredRecord(key, current.revision() + 1, payload);
          return result[0];
        });
    return result[0];
  }

  @Override
  public void delete(String key, long expectedRevision) {
    Objects.requireNonNull(key, "key");
    ensureOpen();

    records.compute(
        key,
        (k, current) -> {
          if (current == null) {
            throw StoreErrors.missing(key);
          }
          if (current.revision() != expectedRevision) {
            throw StoreErrors.staleRevision(key, expectedRevision, current.revision());
          }
          return null;
        });
  }

  @Override
  public int size() {
    return records.size();
  }

  @Override
  public void close() {
    closed.set(true);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw StoreErrors.closed(MemoryRegistryStore.NAME);
    }
  }
}
