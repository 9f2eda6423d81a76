package dev.ossp.runtime.zookeeper.internal;

import dev.ossp.runtime.registry.StoreListener;
import dev.ossp.runtime.registry.StoreStatus;
import dev.ossp.runtime.registry.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.cache.CuratorCacheStorage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zookeeper store's change feed: turns Curator cache events on the records into {@link
 * StoreListener} calls, and after the cache's first load and after every reconnect delivers a full
 * read as {@link StoreListener#resynchronized}. Everything reaches the listener on one thread of
 * its own, in order, so Curator's threads never wait for the registry.
 *
 * <p>The cache keeps no record data ({@link CuratorCacheStorage#dataNotCached()}): the registry
 * keeps its own copy, and event data comes with each event.
 *
 * <p>This class is thread-safe.
 */
final class ChangeFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
  private static final Duration RESYNC_RETRY = Duration.ofSeconds(1);

  private final CuratorFramework client;
  private final RecordPaths paths;
  private final ZooKeeperRecordStore store;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "ossp-zookeeper-feed");
            thread.setDaemon(true);
            return thread;
          });
  private volatile @Nullable StoreListener listener;
  private @Nullable CuratorCache cache;
  // Confined to the executor thread.
  private boolean initialized;
  private StoreStatus reported = StoreStatus.CONNECTED;
  // Whether the last full read happened after the last disconnect.
  private volatile boolean current = true;
  private volatile boolean closed;

  ChangeFeed(CuratorFramework client, RecordPaths paths, ZooKeeperRecordStore store) {
    this.client = client;
    this.paths = paths;
    this.store = store;
  }

  /** Returns whether no change can have been missed since the last full read. */
  boolean current() {
    return current;
  }

  /**
   * Starts the cache; its first load ends with a full read delivered to {@code subscriber}.
   *
   * @throws IllegalStateException if a listener is already subscribed
   */
  synchronized void start(StoreListener subscriber) {
    if (listener != null) {
      throw new IllegalStateException("the zookeeper registry store takes one listener");
    }
    listener = subscriber;
    current = false;
    CuratorCache started =
        CuratorCache.builder(client, paths.records())
            .withStorage(CuratorCacheStorage.dataNotCached())
            .withExceptionHandler(e -> LOG.warn("the ZooKeeper record cache failed", e))
            .build();
    started
        .listenable()
        .addListener(
            CuratorCacheListener.builder()
                .forAll(this::onEvent)
                .forInitialized(this::onInitialized)
                .build(),
            executor);
    cache = started;
    started.start();
  }

  /** Marks the view stale; called when the connection is suspended or lost. */
  void disconnected() {
    current = false;
    run(() -> report(StoreStatus.STALE));
  }

  /** Reads everything again once the cache is loaded; called when the connection is back. */
  void reconnected() {
    run(
        () -> {
          if (initialized) {
            resynchronize();
          }
        });
  }

  private void onInitialized() {
    initialized = true;
    resynchronize();
  }

  private void onEvent(CuratorCacheListener.Type type, ChildData before, ChildData after) {
    StoreListener subscriber = listener;
    if (!initialized || subscriber == null) {
      // The full read after the first load covers everything before it.
      return;
    }
    switch (type) {
      case NODE_CREATED, NODE_CHANGED -> {
        String key = paths.keyOf(after.getPath());
        if (key != null && after.getData() != null) {
          StoredRecord record =
              new StoredRecord(
                  key,
                  after.getStat().getMzxid(),
                  new String(after.getData(), StandardCharsets.UTF_8));
          deliver(subscriber, l -> l.recordChanged(record));
        }
      }
      case NODE_DELETED -> {
        String key = paths.keyOf(before.getPath());
        if (key != null) {
          long revision = before.getStat().getMzxid();
          deliver(subscriber, l -> l.recordDeleted(key, revision));
        }
      }
    }
  }

  /** Delivers a full read; on failure keeps the view stale and tries again shortly. */
  private void resynchronize() {
    StoreListener subscriber = listener;
    if (closed || subscriber == null) {
      return;
    }
    if (!store.connected()) {
      // The reconnect that follows starts the next attempt.
      return;
    }
    try {
      long started = System.nanoTime();
      ZooKeeperRecordStore.Snapshot snapshot = store.readAll(true);
      deliver(subscriber, l -> l.resynchronized(snapshot.records(), snapshot.revision()));
      if (store.connected()) {
        current = true;
        report(StoreStatus.CONNECTED);
      }
      LOG.debug(
          "delivered {} records at revision {} in {} ms",
          snapshot.records().size(),
          snapshot.revision(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      LOG.warn(
          "could not read the registry from ZooKeeper after a reconnect; retrying in {}",
          RESYNC_RETRY,
          e);
      schedule(this::resynchronize, RESYNC_RETRY);
    }
  }

  private void report(StoreStatus status) {
    StoreListener subscriber = listener;
    if (subscriber == null || status == reported) {
      return;
    }
    reported = status;
    deliver(subscriber, l -> l.statusChanged(status));
  }

  private static void deliver(StoreListener subscriber, Consumer<StoreListener> event) {
    try {
      event.accept(subscriber);
    } catch (RuntimeException e) {
      LOG.warn("registry store listener {} failed", subscriber, e);
    }
  }

  private void run(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("feed is closed; dropping a task");
    }
  }

  private void schedule(Runnable task, Duration delay) {
    try {
      executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("feed is closed; dropping a retry");
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (cache != null) {
      cache.close();
    }
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("the zookeeper feed thread did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
