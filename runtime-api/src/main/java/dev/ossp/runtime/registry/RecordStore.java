package dev.ossp.runtime.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An open store. Every write is atomic and durable (as the store defines durable) before it
 * returns; a conflicting write changes nothing and throws {@link
 * dev.ossp.runtime.error.OsspException} of kind {@code CONFLICT}. Implementations are thread-safe.
 *
 * <p><b>Revisions.</b> Every write gives the record a revision above every revision that key had
 * before, even across a delete and a new insert, so a revision (and an HTTP {@code ETag} made from
 * it) never identifies two different writes of one key. Stores may skip numbers.
 *
 * <p><b>Shared stores.</b> A store that several processes write at once returns true from {@link
 * #shared()}, reports the changes it observes to the listener given to {@link
 * #subscribe(StoreListener)}, and reports in {@link #status()} whether its view is current. Local
 * stores keep the defaults: not shared, no events, always {@link StoreStatus#CONNECTED}.
 */
public interface RecordStore extends AutoCloseable {
  /** Returns every record, in no particular order. */
  List<StoredRecord> loadAll();

  /** Returns the record for {@code key}. */
  Optional<StoredRecord> get(String key);

  /**
   * Stores a new record. Its revision is at least 1 and above every revision the key had before.
   *
   * @throws dev.ossp.runtime.error.OsspException of kind {@code CONFLICT} if {@code key} exists
   */
  StoredRecord insert(String key, String payload);

  /**
   * Replaces the record for {@code key} if its revision is {@code expectedRevision}; the new record
   * has a higher revision (the next one in the {@code memory} and {@code file} stores).
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

  /**
   * Returns whether other processes may write this store at the same time. The registry then takes
   * every write it did not make from {@link #subscribe(StoreListener)}, and stores lease renewals
   * so that every process sees them. The default is false.
   */
  default boolean shared() {
    return false;
  }

  /**
   * Starts delivering the changes this store observes to {@code listener}. A shared store first
   * delivers {@link StoreListener#resynchronized(List, long)} with its full content, so nothing
   * written between {@link #loadAll()} and this call is missed. A store takes one listener; the
   * default, for local stores, does nothing because only this process writes them.
   *
   * @throws IllegalStateException if a listener is already subscribed
   */
  default void subscribe(StoreListener listener) {
    Objects.requireNonNull(listener, "listener");
  }

  /** Returns whether this store's view is current. The default is {@link StoreStatus#CONNECTED}. */
  default StoreStatus status() {
    return StoreStatus.CONNECTED;
  }

  /** Flushes and releases files, locks and connections. */
  @Override
  void close();
}
