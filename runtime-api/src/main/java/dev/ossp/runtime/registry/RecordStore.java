package dev.ossp.runtime.registry;

import java.util.List;
import java.util.Optional;

/**
 * An open store. Every write is atomic and durable (as the store defines durable) before it
 * returns; a conflicting write changes nothing and throws {@link
 * dev.ossp.runtime.error.OsspException} of kind {@code CONFLICT}. Implementations are thread-safe.
 */
public interface RecordStore extends AutoCloseable {
  /** Returns every record, in no particular order. */
  List<StoredRecord> loadAll();

  /** Returns the record for {@code key}. */
  Optional<StoredRecord> get(String key);

  /**
   * Stores a new record with revision 1.
   *
   * @throws dev.ossp.runtime.error.OsspException of kind {@code CONFLICT} if {@code key} exists
   */
  StoredRecord insert(String key, String payload);

  /**
   * Replaces the record for {@code key} if its revision is {@code expectedRevision}; the new record
   * has the next revision.
   *
   * @throws dev.ossp.runtime.error.OsspException of kind {@code CONFLICT} if the revision differs,
   *     or {@code NOT_FOUND} if there is no record
   */
  StoredRecord replace(String key, long expectedRevision, String payload);

  /**
   * Deletes the record for {@code key} if its revision is {@code expectedRevision}.
   *
   * @throws dev.ossp.runtime.error.OsspException of kind {@code CONFLICT} if the revision differs,
   *     or {@code NOT_FOUND} if there is no record
   */
  void delete(String key, long expectedRevision);

  /** Returns the number of records. */
  int size();

  /** Flushes and releases files, locks and connections. */
  @Override
  void close();
}
