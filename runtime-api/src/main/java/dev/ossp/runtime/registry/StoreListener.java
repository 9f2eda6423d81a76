package dev.ossp.runtime.registry;

import java.util.List;

/**
 * Receives the changes a shared {@link RecordStore} observes, including changes made by other
 * processes. The store calls a listener on one thread at a time, and never on a thread that is
 * inside one of the store's write methods.
 *
 * <p>Events may repeat writes the listener's own process made, and may arrive late: after the
 * listener saw a newer revision of the same key, or after it saw the key deleted. Because a store
 * never reuses a revision for a key (see {@link StoredRecord}), a listener keeps the record with
 * the highest revision it has seen and ignores any event for an older revision.
 */
public interface StoreListener {
  /**
   * Reports that a record was created or replaced.
   *
   * @param record the record as stored, with its revision
   */
  void recordChanged(StoredRecord record);

  /**
   * Reports that a record was deleted.
   *
   * @param key the deleted record's key
   * @param revision the revision the record had when it was deleted. A store that can fold a burst
   *     of writes into one observation, as ZooKeeper watches can, reports the last revision it
   *     observed, which may be older
   */
  void recordDeleted(String key, long revision);

  /**
   * Reports the store's full content after a gap in which events may have been lost, such as a
   * reconnect. A record the listener holds that is missing from {@code records} was deleted if its
   * revision is at most {@code revision}; one with a higher revision was written after the snapshot
   * was taken and is kept.
   *
   * @param records every record in the store as of {@code revision}
   * @param revision the revision up to which {@code records} contains every write
   */
  void resynchronized(List<StoredRecord> records, long revision);

  /**
   * Reports a change of the store's status. The default does nothing.
   *
   * @param status the new status
   */
  default void statusChanged(StoreStatus status) {}
}
