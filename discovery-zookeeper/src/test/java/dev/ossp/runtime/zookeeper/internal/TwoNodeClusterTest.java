package dev.ossp.runtime.zookeeper.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ossp.runtime.component.HealthStatus;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runtime nodes in this JVM share one registry on a 3-server ZooKeeper ensemble. Every wait is
 * bounded: cross-node visibility by one second, recovery after a server or the leader goes down by
 * the time an election and a reconnect take.
 */
class TwoNodeClusterTest {
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);
  private static final Duration RECOVERY = Duration.ofSeconds(30);
  private static final int TICK_MILLIS = 500;

  @TempDir Path dataA;
  @TempDir Path dataB;
  private TestingCluster cluster;
  private OsspRuntime nodeA;
  private OsspRuntime nodeB;
  private AgentRegistry registryA;
  private AgentRegistry registryB;

  @BeforeEach
  void start(TestInfo test) throws Exception {
    List<InstanceSpec> specs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      specs.add(new InstanceSpec(null, -1, -1, -1, true, i, TICK_MILLIS, -1));
    }
    cluster = new TestingCluster(specs);
    cluster.start();
    String namespace = "/two-nodes/" + test.getTestMethod().orElseThrow().getName();
    nodeA = RuntimeNodes.start(dataA, cluster.getConnectString(), namespace);
    nodeB = RuntimeNodes.start(dataB, cluster.getConnectString(), namespace);
    registryA = RuntimeNodes.registry(nodeA);
    registryB = RuntimeNodes.registry(nodeB);
  }

  @AfterEach
  void stop() throws Exception {
    nodeA.close();
    nodeB.close();
    cluster.close();
  }

  @Test
  void writesOnOneNodeReachOtherWithinOneSecond() {
    // given: B has cached an empty answer
    AgentQuery translators = AgentQuery.builder().capabilities("translate").build();
    assertThat(registryB.query(translators).agents()).isEmpty();
    assertThat(registryB.query(translators).cached()).isTrue();

    // when / then: register
    AgentRecord registered = registryA.register(RuntimeNodes.agent("Babel", "translate"));
    await()
        .atMost(VISIBLE_WITHIN)
        .untilAsserted(
            () -> assertThat(registryB.query(translators).agents()).contains(registered));

    // update
    AgentRecord updated =
        registryA.update(RuntimeNodes.agent("Babel", "translate"), registered.revision());
    await()
        .atMost(VISIBLE_WITHIN)
        .untilAsserted(() -> assertThat(registryB.get(updated.urn())).contains(updated));

    // deregister
    registryA.deregister(updated.urn());
    await()
        .atMost(VISIBLE_WITHIN)
        .untilAsserted(() -> assertThat(registryB.query(translators).agents()).isEmpty());
    assertThat(registryB.get(updated.urn())).isEmpty();
    assertThat(nodeB.health().components().get("discovery").details())
        .containsEntry("storeStatus", "connected");
  }

  @Test
  void concurrentRegistrationFromBothNodesHasOneWinner() throws Exception {
    // given
    int urns = 20;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger conflicts = new AtomicInteger();
    List<Future<Boolean>> results = new ArrayList<>();

    // when
    try {
      for (int i = 0; i < urns; i++) {
        CountDownLatch start = new CountDownLatch(1);
        String name = "Racer" + i;
        for (AgentRegistry registry : List.of(registryA, registryB)) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    try {
                      registry.register(RuntimeNodes.agent(name, "race"));
                      return true;
                    } catch (OsspException e) {
                      if (e.kind() == ErrorKind.CONFLICT) {
                        conflicts.incrementAndGet();
                        return false;
                      }
                      throw e;
                    }
                  }));
        }
        start.countDown();
      }
      int wins = 0;
      for (Future<Boolean> result : results) {
        wins += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }

      // then
      assertThat(wins).isEqualTo(urns);
      assertThat(conflicts.get()).isEqualTo(urns);
      await()
          .atMost(VISIBLE_WITHIN)
          .untilAsserted(() -> assertThat(registryA.list()).isEqualTo(registryB.list()));
      assertThat(registryA.list()).hasSize(urns);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void killingOneServerKeepsReadsAndWrites() throws Exception {
    // given
    AgentRecord before = registryA.register(RuntimeNodes.agent("Before", "steady"));
    await().atMost(VISIBLE_WITHIN).until(() -> registryB.get(before.urn()).isPresent());
    InstanceSpec victim = cluster.getInstances().iterator().next();

    // when
    assertThat(cluster.killServer(victim)).isTrue();

    // then: reads are served at once, writes succeed once both clients are on live servers
    assertThat(registryB.get(before.urn())).isPresent();
    AgentRecord after =
        await()
            .atMost(RECOVERY)
            .ignoreException(OsspException.class)
            .until(() -> registryB.register(RuntimeNodes.agent("After", "steady")), r -> true);
    await()
        .atMost(RECOVERY)
        .untilAsserted(() -> assertThat(registryA.get(after.urn())).contains(after));
    assertThat(registryA.list()).isEqualTo(registryB.list());
  }

  @Test
  void killingLeaderLosesNoAcknowledgedWrite() throws Exception {
    // given
    List<AgentRecord> acknowledged = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      AgentRegistry registry = i % 2 == 0 ? registryA : registryB;
      acknowledged.add(registry.register(RuntimeNodes.agent("Kept" + i, "durable")));
    }
    InstanceSpec leader = leader();

    // when
    assertThat(cluster.killServer(leader)).isTrue();
    AgentRecord written =
        await()
            .atMost(RECOVERY)
            .ignoreException(OsspException.class)
            .until(
                () -> registryA.register(RuntimeNodes.agent("AfterElection", "durable")),
                r -> true);

    // then
    acknowledged.add(written);
    await()
        .atMost(RECOVERY)
        .untilAsserted(
            () -> {
              assertThat(registryA.list()).containsExactlyInAnyOrderElementsOf(acknowledged);
              assertThat(registryB.list()).containsExactlyInAnyOrderElementsOf(acknowledged);
            });
    assertThat(leader()).isNotEqualTo(leader);
  }

  @Test
  void restartingEveryMemberKeepsRegistry() throws Exception {
    // given
    AgentRecord kept = registryA.register(RuntimeNodes.agent("Kept", "rolling"));

    // when: a rolling restart, one server at a time
    for (InstanceSpec member : cluster.getInstances()) {
      assertThat(cluster.restartServer(member)).isTrue();
      await().atMost(RECOVERY).until(() -> leaderOrNull() != null);
    }
    AgentRecord written =
        await()
            .atMost(RECOVERY)
            .ignoreException(OsspException.class)
            .until(() -> registryB.register(RuntimeNodes.agent("Written", "rolling")), r -> true);

    // then
    await()
        .atMost(RECOVERY)
        .untilAsserted(() -> assertThat(registryA.get(written.urn())).contains(written));
    assertThat(registryB.get(kept.urn())).contains(kept);
    await().atMost(RECOVERY).until(() -> nodeA.health().status() == HealthStatus.UP);
  }

  @Test
  void ensembleOutageMarksNodesStaleThenRecovers() throws Exception {
    // given
    AgentRecord kept = registryA.register(RuntimeNodes.agent("Kept", "outage"));
    await().atMost(VISIBLE_WITHIN).until(() -> registryB.get(kept.urn()).isPresent());

    // when: every server is down
    for (InstanceSpec member : cluster.getInstances()) {
      cluster.killServer(member);
    }
    await().atMost(RECOVERY).until(() -> nodeB.health().status() == HealthStatus.DEGRADED);

    // then: reads keep the last known state and writes fail fast
    assertThat(nodeB.health().components().get("discovery").details())
        .containsEntry("storeStatus", "stale");
    assertThat(registryB.get(kept.urn())).contains(kept);
    long started = System.nanoTime();
    try {
      registryB.register(RuntimeNodes.agent("Refused", "outage"));
      throw new AssertionError("a write succeeded while every server was down");
    } catch (OsspException e) {
      assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

    // and when the ensemble is back, both nodes resynchronize and accept writes
    for (InstanceSpec member : cluster.getInstances()) {
      cluster.restartServer(member);
    }
    await()
        .atMost(RECOVERY)
        .until(
            () ->
                nodeA.health().status() == HealthStatus.UP
                    && nodeB.health().status() == HealthStatus.UP);
    AgentRecord written =
        await()
            .atMost(RECOVERY)
            .ignoreException(OsspException.class)
            .until(() -> registryB.register(RuntimeNodes.agent("Back", "outage")), r -> true);
    await()
        .atMost(VISIBLE_WITHIN)
        .untilAsserted(() -> assertThat(registryA.get(written.urn())).contains(written));
    assertThat(registryA.get(kept.urn())).contains(kept);
  }

  private InstanceSpec leader() {
    InstanceSpec leader = leaderOrNull();
    assertThat(leader).as("leader").isNotNull();
    return leader;
  }

  /** Asks each server with the {@code srvr} command, which ZooKeeper allows by default. */
  private InstanceSpec leaderOrNull() {
    for (InstanceSpec spec : cluster.getInstances()) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", spec.getPort()), 1000);
        socket.setSoTimeout(1000);
        OutputStream out = socket.getOutputStream();
        out.write("srvr".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String reply = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        if (reply.contains("Mode: leader")) {
          return spec;
        }
      } catch (IOException e) {
        // A killed or restarting server does not reply.
      }
    }
    return null;
  }
}
