package dev.ossp.runtime.zookeeper.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.registry.StoreStatus;
import dev.ossp.runtime.registry.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.KillSession;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zookeeper store's feed, connection handling and security on a real in-process server. */
class ZooKeeperRecordStoreTest {
  private static final Duration WITHIN = Duration.ofSeconds(1);
  private static final Duration RECOVERY = Duration.ofSeconds(20);

  @TempDir Path temp;
  private TestingServer server;
  private final java.util.List<ZooKeeperRecordStore> opened = new java.util.ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = new TestingServer(true);
  }

  @AfterEach
  void stop() throws Exception {
    for (ZooKeeperRecordStore store : opened) {
      store.close();
    }
    server.close();
  }

  private ZooKeeperRecordStore open(Map<String, String> extra) throws Exception {
    Map<String, String> options = new HashMap<>();
    options.put("connect-string", server.getConnectString());
    options.put("namespace", "/feed");
    options.put("session-timeout", "4s");
    options.put("connection-timeout", "2s");
    options.putAll(extra);
    ZooKeeperRecordStore store = ZooKeeperRecordStore.open(ZooKeeperStoreOptions.parse(options));
    opened.add(store);
    return store;
  }

  @Test
  void feedDeliversOtherWritersChanges() throws Exception {
    // given
    ZooKeeperRecordStore writer = open(Map.of());
    ZooKeeperRecordStore reader = open(Map.of());
    RecordingListener listener = new RecordingListener();
    reader.subscribe(listener);
    await().atMost(WITHIN).until(() -> reader.status() == StoreStatus.CONNECTED);

    // when each write waits until the reader saw the one before, because ZooKeeper may fold
    // writes that come faster than its watches into one event (the next test covers that case)
    StoredRecord inserted = writer.insert("urn:agent:ai:echo@1.0.0", "v1");
    String insertedEvent = "changed urn:agent:ai:echo@1.0.0 " + inserted.revision() + " v1";
    await().atMost(WITHIN).until(() -> listener.events.contains(insertedEvent));
    StoredRecord replaced = writer.replace(inserted.key(), inserted.revision(), "v2");
    String replacedEvent = "changed urn:agent:ai:echo@1.0.0 " + replaced.revision() + " v2";
    await().atMost(WITHIN).until(() -> listener.events.contains(replacedEvent));
    writer.delete(replaced.key(), replaced.revision());

    // then
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () ->
                assertThat(listener.events)
                    .containsExactly(
                        insertedEvent,
                        replacedEvent,
                        "deleted urn:agent:ai:echo@1.0.0 " + replaced.revision()));
  }

  @Test
  void feedConvergesWhenWritesOutrunWatches() throws Exception {
    // given
    ZooKeeperRecordStore writer = open(Map.of());
    ZooKeeperRecordStore reader = open(Map.of());
    RecordingListener listener = new RecordingListener();
    reader.subscribe(listener);
    await().atMost(WITHIN).until(() -> reader.status() == StoreStatus.CONNECTED);
    StoredRecord seen = writer.insert("urn:agent:ai:fast@1.0.0", "v1");
    await().atMost(WITHIN).until(() -> !listener.events.isEmpty());

    // when three writes follow each other without waiting
    StoredRecord second = writer.replace(seen.key(), seen.revision(), "v2");
    StoredRecord third = writer.replace(second.key(), second.revision(), "v3");
    writer.delete(third.key(), third.revision());

    // then the reader ends with the record deleted, its events never go back in revision, and
    // every change it reports is one that was written
    await()
        .atMost(WITHIN)
        .until(() -> listener.events.get(listener.events.size() - 1).startsWith("deleted "));
    java.util.Map<Long, String> written =
        Map.of(
            seen.revision(), "v1",
            second.revision(), "v2",
            third.revision(), "v3");
    long last = 0;
    for (String event : listener.events) {
      String[] parts = event.split(" ");
      long revision = Long.parseLong(parts[2]);
      assertThat(revision).as("revision order in %s", listener.events).isGreaterThanOrEqualTo(last);
      assertThat(written).as("written revisions").containsKey(revision);
      if (parts[0].equals("changed")) {
        assertThat(parts[3]).isEqualTo(written.get(revision));
      }
      last = revision;
    }
  }

  @Test
  void subscribeStartsWithFullContent() throws Exception {
    // given
    ZooKeeperRecordStore writer = open(Map.of());
    StoredRecord first = writer.insert("a", "1");
    StoredRecord second = writer.insert("b/with slash", "2");
    ZooKeeperRecordStore reader = open(Map.of());
    RecordingListener listener = new RecordingListener();

    // when
    reader.subscribe(listener);

    // then
    await().atMost(WITHIN).until(() -> !listener.resyncs.isEmpty());
    assertThat(listener.resyncs.get(0)).containsExactlyInAnyOrder(first, second);
    assertThat(reader.status()).isEqualTo(StoreStatus.CONNECTED);
    assertThatThrownBy(() -> reader.subscribe(new RecordingListener()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void lostServerMakesStoreStaleAndWritesFailFast() throws Exception {
    // given
    ZooKeeperRecordStore store = open(Map.of("session-timeout", "30s"));
    RecordingListener listener = new RecordingListener();
    store.subscribe(listener);
    await().atMost(WITHIN).until(() -> store.status() == StoreStatus.CONNECTED);
    StoredRecord kept = store.insert("kept", "v1");

    // when
    server.stop();
    await().atMost(RECOVERY).until(() -> store.status() == StoreStatus.STALE);
    long started = System.nanoTime();

    // then
    assertThatThrownBy(() -> store.insert("refused", "v1"))
        .isInstanceOf(OsspException.class)
        .satisfies(e -> assertThat(((OsspException) e).kind()).isEqualTo(ErrorKind.NETWORK))
        .hasMessageContaining("nothing was written");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    await().atMost(WITHIN).until(() -> listener.statuses.contains(StoreStatus.STALE));

    // and when the server is back, the store reads everything again
    int resyncsBefore = listener.resyncs.size();
    server.restart();
    await().atMost(RECOVERY).until(() -> store.status() == StoreStatus.CONNECTED);
    assertThat(listener.resyncs).hasSizeGreaterThan(resyncsBefore);
    assertThat(listener.resyncs.get(listener.resyncs.size() - 1)).contains(kept);
    assertThat(listener.statuses).endsWith(StoreStatus.CONNECTED);
    assertThat(store.insert("accepted", "v1").revision()).isGreaterThan(kept.revision());
  }

  @Test
  void sessionExpiryResynchronizesAndKeepsRecords() throws Exception {
    // given
    ZooKeeperRecordStore store = open(Map.of());
    ZooKeeperRecordStore other = open(Map.of());
    RecordingListener listener = new RecordingListener();
    store.subscribe(listener);
    await().atMost(WITHIN).until(() -> store.status() == StoreStatus.CONNECTED);
    StoredRecord before = store.insert("before", "v1");
    long session = store.client().getZookeeperClient().getZooKeeper().getSessionId();

    // when
    KillSession.kill(store.client().getZookeeperClient().getZooKeeper());
    StoredRecord during = other.insert("during", "v1");

    // then
    await()
        .atMost(RECOVERY)
        .until(
            () ->
                store.status() == StoreStatus.CONNECTED
                    && store.client().getZookeeperClient().getZooKeeper().getSessionId()
                        != session);
    await()
        .atMost(RECOVERY)
        .untilAsserted(
            () ->
                assertThat(listener.resyncs.get(listener.resyncs.size() - 1))
                    .contains(before, during));
    assertThat(store.get("before")).contains(before);
    assertThat(store.replace("before", before.revision(), "v2").revision())
        .isGreaterThan(during.revision());
  }

  @Test
  void digestAuthWithCreatorAclKeepsOthersOut() throws Exception {
    // given
    Path digest = temp.resolve("digest");
    Files.writeString(digest, "registry:s3cret\n", StandardCharsets.UTF_8);
    ZooKeeperRecordStore store =
        open(Map.of("namespace", "/secured", "auth-digest-file", digest.toString()));
    store.insert("urn:agent:ai:echo@1.0.0", "v1");

    // when
    CuratorFramework stranger =
        CuratorFrameworkFactory.newClient(server.getConnectString(), new RetryOneTime(10));
    stranger.start();
    try {
      // then
      assertThat(stranger.blockUntilConnected(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      String path = new RecordPaths("/secured").record("urn:agent:ai:echo@1.0.0");
      assertThatThrownBy(() -> stranger.getData().forPath(path))
          .isInstanceOf(KeeperException.NoAuthException.class);
      assertThat(store.get("urn:agent:ai:echo@1.0.0")).isPresent();
    } finally {
      stranger.close();
    }
  }

  @Test
  void unreachableEnsembleFailsOpenWithConnectString() {
    // given
    int closedPort = server.getPort();

    // when / then
    assertThatThrownBy(
            () -> {
              server.stop();
              open(
                  Map.of(
                      "connect-string", "127.0.0.1:" + closedPort, "connection-timeout", "300ms"));
            })
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("could not connect to ZooKeeper at 127.0.0.1:" + closedPort);
  }
}
