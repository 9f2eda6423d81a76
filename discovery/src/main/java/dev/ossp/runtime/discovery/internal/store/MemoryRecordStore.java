package dev.ossp.runtime.discovery.internal.store;

import dev.ossp.runtime.registry.RecordStore;
import dev.ossp.runtime.registry.StoreListener;
import dev.ossp.runtime.registry.StoredRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records in a concurrent map. Each write is atomic per key; nothing is durable. A new key takes a
 * revision above every revision issued before, so a key deleted and inserted again never repeats a
 * revision.
 *
 * <p>A store made with {@link #openShared()} can serve several registries in one process, for tests
 * and embedded setups: it reports every write to each {@linkplain #subscribe(StoreListener)
 * subscribed} listener, in write order, on one delivery thread of its own.
 *
 * <p>This class is thread-safe.
 */
public final class MemoryRecordStore implements RecordStore {
  private static final Logger LOG = LoggerFactory.getLogger(MemoryRecordStore.class);

  private final ConcurrentHashMap<String, StoredRecord> records = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  // The highest revision issued so far, deleted records included.
  private final AtomicLong maxRevision = new AtomicLong();
  private final @Nullable ExecutorService feed;
  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
  private final ReentrantReadWriteLock subscription = new ReentrantReadWriteLock();

  private MemoryRecordStore(boolean shared) {
    this.feed =
        shared
            ? Executors.newSingleThreadExecutor(
                runnable -> {
                  Thread thread = new Thread(runnable, "ossp-memory-store-feed");
                  thread.setDaemon(true);
                  return thread;
                })
            : null;
  }

  /** Creates a store for one registry, with no change feed. */
  public static MemoryRecordStore openLocal() {
    return new MemoryRecordStore(false);
  }

  /** Creates a store that several registries in this process can share through its change feed. */
  public static MemoryRecordStore openShared() {
    return new MemoryRecordStore(true);
  }

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

    StoredRecord[] created = new StoredRecord[1];
    StoredRecord existing =
        gated(
            () ->
                records.computeIfAbsent(
                    key,
                    k -> {
                      created[0] = new StoredRecord(key, maxRevision.incrementAndGet(), payload);
                      publish(listener -> listener.recordChanged(created[0]));
                      return created[0];
                    }));
    if (created[0] == null) {
      throw StoreErrors.exists(key, existing.revision());
    }
    return created[0];
  }

  @Override
  public StoredRecord replace(String key, long expectedRevision, String payload) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
    ensureOpen();

    return gated(
        () ->
            records.compute(
                key,
                (k, current) -> {
                  if (current == null) {
                    throw StoreErrors.missing(key);
                  }
                  if (current.revision() != expectedRevision) {
                    throw StoreErrors.staleRevision(key, expectedRevision, current.revision());
                  }
                  StoredRecord replaced = new StoredRecord(key, current.revision() + 1, payload);
                  maxRevision.accumulateAndGet(replaced.revision(), Math::max);
                  publish(listener -> listener.recordChanged(replaced));
                  return replaced;
                }));
  }

  @Override
  public void delete(String key, long expectedRevision) {
    Objects.requireNonNull(key, "key");
    ensureOpen();

    gated(
        () ->
            records.compute(
                key,
                (k, current) -> {
                  if (current == null) {
                    throw StoreErrors.missing(key);
                  }
                  if (current.revision() != expectedRevision) {
                    throw StoreErrors.staleRevision(key, expectedRevision, current.revision());
                  }
                  publish(listener -> listener.recordDeleted(key, expectedRevision));
                  return null;
                }));
  }

  @Override
  public int size() {
    return records.size();
  }

  @Override
  public boolean shared() {
    return feed != null;
  }

  /**
   * Adds {@code listener}; it first receives every record, then every later write. A local store
   * ignores listeners.
   */
  @Override
  public void subscribe(StoreListener listener) {
    Objects.requireNonNull(listener, "listener");
    ensureOpen();

    if (feed == null) {
      return;
    }
    // No write runs while the gate is closed, so the snapshot holds every write up to revision,
    // and the listener gets every later write after the snapshot.
    subscription.writeLock().lock();
    try {
      List<StoredRecord> snapshot = List.copyOf(records.values());
      long revision = maxRevision.get();
      feed.execute(() -> deliver(listener, l -> l.resynchronized(snapshot, revision)));
      listeners.add(listener);
    } finally {
      subscription.writeLock().unlock();
    }
  }

  /** Runs a write; in a shared store, never while a listener subscribes. */
  private <T> T gated(Supplier<T> write) {
    if (feed == null) {
      return write.get();
    }
    subscription.readLock().lock();
    try {
      return write.get();
    } finally {
      subscription.readLock().unlock();
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && feed != null) {
      feed.shutdown();
    }
  }

  /** Queues an event for every listener; called inside the map's per-key update, so in order. */
  private void publish(Consumer<StoreListener> event) {
    if (feed == null || listeners.isEmpty()) {
      return;
    }
    for (StoreListener listener : listeners) {
      feed.execute(() -> deliver(listener, event));
    }
  }

  private static void deliver(StoreListener listener, Consumer<StoreListener> event) {
    try {
      event.accept(listener);
    } catch (RuntimeException e) {
      LOG.warn("memory store listener {} failed", listener, e);
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw StoreErrors.closed(MemoryRegistryStore.NAME);
    }
  }
}
