package dev.ossp.runtime.zookeeper.internal;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.registry.RecordStore;
import dev.ossp.runtime.registry.StoreListener;
import dev.ossp.runtime.registry.StoreStatus;
import dev.ossp.runtime.registry.StoredRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.RetryLoop;
import org.apache.curator.RetryPolicy;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registry records in a ZooKeeper ensemble, one node per record (see {@link RecordPaths}).
 *
 * <p><b>Revisions</b> are the {@code mzxid} of the record's node: the id of the transaction that
 * last wrote it. Transaction ids grow across the whole ensemble, leader elections included, so a
 * key never gets a revision twice, even after a delete and a new insert.
 *
 * <p><b>Writes</b> are single atomic ZooKeeper operations: {@code create} for an insert, {@code
 * setData} with the node's version for a compare-and-set replace, and {@code delete} with the
 * node's version. While the client has no connection a write fails at once with a {@code NETWORK}
 * error and nothing is written. A connection lost during a write is retried under the configured
 * retry policy. A retried write that finds its own result (the same data at a newer revision, or
 * the node already gone for a delete) reports success instead of a conflict.
 *
 * <p><b>Change feed.</b> {@link #subscribe(StoreListener)} starts a Curator {@code CuratorCache} on
 * the records and delivers its events, then a full read, on one thread of this store. After every
 * reconnect the store reads everything again and delivers it as {@link
 * StoreListener#resynchronized(List, long)}, because the cache can miss a record deleted and
 * created again while the connection was down. Until that read succeeds, {@link #status()} is
 * {@link StoreStatus#STALE}.
 *
 * <p>This class is thread-safe.
 */
public final class ZooKeeperRecordStore implements RecordStore {
  private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperRecordStore.class);

  // NOTE: this bound on one full read is a guess; reads were measured at 10,000 records only.
  private static final Duration READ_ALL_TIMEOUT = Duration.ofMinutes(2);

  private final ZooKeeperStoreOptions options;
  private final RecordPaths paths;
  private final CuratorFramework client;
  private final RetryPolicy retryPolicy;
  private final List<ACL> acl;
  private final ChangeFeed feed;
  private volatile boolean connected = true;
  private volatile boolean closed;

  private ZooKeeperRecordStore(
      ZooKeeperStoreOptions options,
      CuratorFramework client,
      RetryPolicy retryPolicy,
      List<ACL> acl) {
    this.options = options;
    this.paths = new RecordPaths(options.namespace());
    this.client = client;
    this.retryPolicy = retryPolicy;
    this.acl = acl;
    this.feed = new ChangeFeed(client, paths, this);
    client.getConnectionStateListenable().addListener((c, state) -> onConnectionState(state));
  }

  /**
   * Connects to the ensemble and creates the namespace's nodes if they are missing.
   *
   * @throws IOException when the digest file cannot be read, no server replies within the
   *     connection timeout, or the namespace cannot be created
   */
  public static ZooKeeperRecordStore open(ZooKeeperStoreOptions options) throws IOException {
    Objects.requireNonNull(options, "options");

    List<ACL> acl = aclOf(options.acl());
    RetryPolicy retryPolicy =
        new BoundedExponentialBackoffRetry(
            (int) options.retryBaseSleep().toMillis(),
            (int) options.retryMaxSleep().toMillis(),
            options.retryMaxRetries());
    CuratorFrameworkFactory.Builder builder =
        CuratorFrameworkFactory.builder()
            .connectString(options.connectString())
            .sessionTimeoutMs((int) options.sessionTimeout().toMillis())
            .connectionTimeoutMs((int) options.connectionTimeout().toMillis())
            .retryPolicy(retryPolicy)
            // Connect only to the configured servers, never to addresses the ensemble announces.
            .ensembleTracker(false);
    if (options.authDigestFile() != null) {
      builder.authorization("digest", readDigest(options.authDigestFile()));
    }
    CuratorFramework client = builder.build();
    client.start();
    try {
      long started = System.nanoTime();
      if (!client.blockUntilConnected(
          (int) options.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException(
            "could not connect to ZooKeeper at "
                + options.connectString()
                + " within "
                + options.connectionTimeout()
                + "; check discovery.store.zookeeper.connect-string and that the ensemble runs");
      }
      RecordPaths paths = new RecordPaths(options.namespace());
      try {
        client.create().creatingParentsIfNeeded().withACL(acl, true).forPath(paths.records());
      } catch (KeeperException.NodeExistsException e) {
        LOG.debug("namespace {} exists", options.namespace());
      }
      ZooKeeperRecordStore store = new ZooKeeperRecordStore(options, client, retryPolicy, acl);
      LOG.info(
          "opened zookeeper registry store at {}{} in {} ms (session timeout {}, acl {})",
          options.connectString(),
          options.namespace(),
          (System.nanoTime() - started) / 1_000_000,
          options.sessionTimeout(),
          options.acl().optionValue());
      return store;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      client.close();
      throw new IOException("interrupted while connecting to " + options.connectString(), e);
    } catch (IOException e) {
      client.close();
      throw e;
    } catch (Exception e) {
      client.close();
      throw new IOException(
          "could not create the namespace "
              + options.namespace()
              + " in ZooKeeper at "
              + options.connectString()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static byte[] readDigest(Path file) throws IOException {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IOException(
          "could not read the ZooKeeper digest file "
              + file
              + " (discovery.store.zookeeper.auth-digest-file): "
              + e.getMessage(),
          e);
    }
    int colon = content.indexOf(':');
    if (colon <= 0 || colon == content.length() - 1 || content.contains("\n")) {
      // The content is a secret, so the message describes its shape only.
      throw new IOException(
          "the ZooKeeper digest file "
              + file
              + " must hold one line user:password with a non-empty user and password");
    }
    return content.getBytes(StandardCharsets.UTF_8);
  }

  private static List<ACL> aclOf(ZooKeeperStoreOptions.Acl acl) {
    return switch (acl) {
      case OPEN -> ZooDefs.Ids.OPEN_ACL_UNSAFE;
      case CREATOR -> ZooDefs.Ids.CREATOR_ALL_ACL;
      case CREATOR_WORLD_READ -> {
        List<ACL> list = new ArrayList<>(ZooDefs.Ids.CREATOR_ALL_ACL);
        list.addAll(ZooDefs.Ids.READ_ACL_UNSAFE);
        yield List.copyOf(list);
      }
    };
  }

  @Override
  public List<StoredRecord> loadAll() {
    return readAll(false).records();
  }

  @Override
  public Optional<StoredRecord> get(String key) {
    Objects.requireNonNull(key, "key");

    String path = paths.record(key);
    return execute(
        "read",
        key,
        (zk, attempt) -> {
          Stat stat = new Stat();
          try {
            byte[] data = zk.getData(path, false, stat);
            return Optional.of(new StoredRecord(key, stat.getMzxid(), text(data)));
          } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
          }
        });
  }

  @Override
  public StoredRecord insert(String key, String payload) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");

    String path = paths.record(key);
    byte[] data = payload.getBytes(StandardCharsets.UTF_8);
    return execute(
        "insert",
        key,
        (zk, attempt) -> {
          Stat stat = new Stat();
          try {
            create(zk, path, data, stat);
            return new StoredRecord(key, stat.getMzxid(), payload);
          } catch (KeeperException.NodeExistsException e) {
            Stat current = new Stat();
            byte[] existing;
            try {
              existing = zk.getData(path, false, current);
            } catch (KeeperException.NoNodeException gone) {
              throw StoreErrors.exists(key, 0);
            }
            // NOTE: a retried insert takes identical data as its own earlier attempt. Payloads
            // carry millisecond timestamps, so another writer's identical data is unlikely.
            if (attempt > 1 && Arrays.equals(existing, data)) {
              return new StoredRecord(key, current.getMzxid(), payload);
            }
            throw StoreErrors.exists(key, current.getMzxid());
          }
        });
  }

  /** Creates a record node, and its bucket when this is the bucket's first record. */
  private void create(ZooKeeper zk, String path, byte[] data, Stat stat)
      throws KeeperException, InterruptedException {
    try {
      zk.create(path, data, acl, CreateMode.PERSISTENT, stat);
    } catch (KeeperException.NoNodeException e) {
      String bucket = path.substring(0, path.lastIndexOf('/'));
      try {
        zk.create(bucket, new byte[0], acl, CreateMode.PERSISTENT);
      } catch (KeeperException.NodeExistsException raced) {
        LOG.debug("bucket {} was created concurrently", bucket);
      }
      zk.create(path, data, acl, CreateMode.PERSISTENT, stat);
    }
  }

  @Override
  public StoredRecord replace(String key, long expectedRevision, String payload) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");

    String path = paths.record(key);
    byte[] data = payload.getBytes(StandardCharsets.UTF_8);
    return execute(
        "replace",
        key,
        (zk, attempt) -> {
          Stat current = new Stat();
          byte[] existing;
          try {
            existing = zk.getData(path, false, current);
          } catch (KeeperException.NoNodeException e) {
            throw StoreErrors.missing(key);
          }
          if (current.getMzxid() != expectedRevision) {
            if (attempt > 1 && Arrays.equals(existing, data)) {
              return new StoredRecord(key, current.getMzxid(), payload);
            }
            throw StoreErrors.staleRevision(key, expectedRevision, current.getMzxid());
          }
          try {
            Stat written = zk.setData(path, data, current.getVersion());
            return new StoredRecord(key, written.getMzxid(), payload);
          } catch (KeeperException.BadVersionException e) {
            throw StoreErrors.staleRevision(key, expectedRevision, revisionOf(zk, path));
          } catch (KeeperException.NoNodeException e) {
            throw StoreErrors.missing(key);
          }
        });
  }

  @Override
  public void delete(String key, long expectedRevision) {
    Objects.requireNonNull(key, "key");

    String path = paths.record(key);
    execute(
        "delete",
        key,
        (zk, attempt) -> {
          Stat current = zk.exists(path, false);
          if (current == null) {
            if (attempt > 1) {
              // An earlier attempt deleted it before its reply was lost.
              return null;
            }
            throw StoreErrors.missing(key);
          }
          if (current.getMzxid() != expectedRevision) {
            throw StoreErrors.staleRevision(key, expectedRevision, current.getMzxid());
          }
          try {
            zk.delete(path, current.getVersion());
          } catch (KeeperException.BadVersionException e) {
            throw StoreErrors.staleRevision(key, expectedRevision, revisionOf(zk, path));
          } catch (KeeperException.NoNodeException e) {
            if (attempt == 1) {
              throw StoreErrors.missing(key);
            }
          }
          return null;
        });
  }

  private static long revisionOf(ZooKeeper zk, String path)
      throws KeeperException, InterruptedException {
    Stat stat = zk.exists(path, false);
    return stat == null ? 0 : stat.getMzxid();
  }

  @Override
  public int size() {
    return execute(
        "count",
        paths.records(),
        (zk, attempt) -> {
          int count = 0;
          for (String bucket : zk.getChildren(paths.records(), false)) {
            Stat stat = zk.exists(paths.records() + "/" + bucket, false);
            count += stat == null ? 0 : stat.getNumChildren();
          }
          return count;
        });
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public void subscribe(StoreListener listener) {
    Objects.requireNonNull(listener, "listener");
    ensureOpen();

    feed.start(listener);
  }

  @Override
  public StoreStatus status() {
    return connected && feed.current() ? StoreStatus.CONNECTED : StoreStatus.STALE;
  }

  /** The options the store was opened with. */
  public ZooKeeperStoreOptions options() {
    return options;
  }

  /** The Curator client; tests use it to force a session expiry. */
  CuratorFramework client() {
    return client;
  }

  boolean connected() {
    return connected;
  }

  /** A full content read and the revision it is complete up to. */
  record Snapshot(List<StoredRecord> records, long revision) {}

  /**
   * Reads every record with pipelined asynchronous reads. With {@code mark}, first writes the
   * marker node, whose transaction id becomes the snapshot's revision: every write at or below it
   * is in the snapshot, because ZooKeeper serves one session's requests in order.
   */
  Snapshot readAll(boolean mark) {
    return execute(
        "read all",
        paths.records(),
        (zk, attempt) -> {
          long revision = mark ? touchMarker(zk) : 0;
          List<String> children = new ArrayList<>();
          for (String bucket : zk.getChildren(paths.records(), false)) {
            String bucketPath = paths.records() + "/" + bucket;
            try {
              for (String child : zk.getChildren(bucketPath, false)) {
                children.add(bucketPath + "/" + child);
              }
            } catch (KeeperException.NoNodeException e) {
              LOG.debug("bucket {} disappeared during a full read", bucketPath);
            }
          }
          ConcurrentLinkedQueue<StoredRecord> records = new ConcurrentLinkedQueue<>();
          AtomicInteger failure = new AtomicInteger(KeeperException.Code.OK.intValue());
          CountDownLatch done = new CountDownLatch(children.size());
          for (String child : children) {
            zk.getData(
                child,
                false,
                (rc, path, context, data, stat) -> {
                  if (rc == KeeperException.Code.OK.intValue()) {
                    String key = paths.keyOf(path);
                    if (key != null) {
                      records.add(new StoredRecord(key, stat.getMzxid(), text(data)));
                    }
                  } else if (rc != KeeperException.Code.NONODE.intValue()) {
                    failure.compareAndSet(KeeperException.Code.OK.intValue(), rc);
                  }
                  done.countDown();
                },
                null);
          }
          if (!done.await(READ_ALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new KeeperException.OperationTimeoutException();
          }
          if (failure.get() != KeeperException.Code.OK.intValue()) {
            throw KeeperException.create(KeeperException.Code.get(failure.get()));
          }
          return new Snapshot(List.copyOf(records), revision);
        });
  }

  private long touchMarker(ZooKeeper zk) throws KeeperException, InterruptedException {
    byte[] now = Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8);
    try {
      return zk.setData(paths.marker(), now, -1).getMzxid();
    } catch (KeeperException.NoNodeException e) {
      Stat stat = new Stat();
      try {
        zk.create(paths.marker(), now, acl, CreateMode.PERSISTENT, stat);
        return stat.getMzxid();
      } catch (KeeperException.NodeExistsException raced) {
        return zk.setData(paths.marker(), now, -1).getMzxid();
      }
    }
  }

  private void onConnectionState(ConnectionState state) {
    switch (state) {
      case CONNECTED, RECONNECTED -> {
        boolean was = connected;
        connected = true;
        if (!was) {
          LOG.info(
              "reconnected to ZooKeeper at {}; resynchronizing the registry",
              options.connectString());
        }
        feed.reconnected();
      }
      case SUSPENDED, LOST, READ_ONLY -> {
        connected = false;
        LOG.warn(
            "connection to ZooKeeper at {} is {}: writes fail and reads are served from the last"
                + " known state until it reconnects",
            options.connectString(),
            state.name().toLowerCase(java.util.Locale.ROOT));
        feed.disconnected();
      }
    }
  }

  /** One ZooKeeper call; {@code attempt} counts from 1 and is above 1 after a connection loss. */
  @FunctionalInterface
  interface Call<T> {
    T run(ZooKeeper zk, int attempt) throws Exception;
  }

  /**
   * Runs {@code call}, failing at once while disconnected, and retrying after a connection loss as
   * the retry policy allows, each time after the connection is back.
   */
  <T> T execute(String action, String key, Call<T> call) {
    ensureOpen();
    if (!connected) {
      throw StoreErrors.disconnected(action, key, options.connectString());
    }
    long started = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run(client.getZookeeperClient().getZooKeeper(), attempt);
      } catch (KeeperException.ConnectionLossException
          | KeeperException.SessionExpiredException
          | KeeperException.OperationTimeoutException e) {
        if (!retryAfterConnectionLoss(attempt, started)) {
          throw StoreErrors.failed(action, key, options.connectString(), e);
        }
        LOG.debug("retrying {} of '{}' after {} (attempt {})", action, key, e.code(), attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OsspException(
            ErrorKind.CANCELLED,
            "interrupted during " + action + " of record '" + key + "'",
            e,
            ErrorContext.builder().target(key).build());
      } catch (OsspException e) {
        throw e;
      } catch (Exception e) {
        throw StoreErrors.failed(action, key, options.connectString(), e);
      }
    }
  }

  private boolean retryAfterConnectionLoss(int attempt, long startedNanos) {
    long elapsed = (System.nanoTime() - startedNanos) / 1_000_000;
    if (closed
        || !retryPolicy.allowRetry(attempt - 1, elapsed, RetryLoop.getDefaultRetrySleeper())) {
      return false;
    }
    try {
      return client.blockUntilConnected(
          (int) options.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String text(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }

  private void ensureOpen() {
    if (closed) {
      throw StoreErrors.closed();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    feed.close();
    client.close();
    LOG.info(
        "closed zookeeper registry store at {}{}", options.connectString(), options.namespace());
  }
}
