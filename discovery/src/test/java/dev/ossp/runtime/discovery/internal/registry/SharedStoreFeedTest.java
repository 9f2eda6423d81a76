package dev.ossp.runtime.discovery.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.QueryResult;
import dev.ossp.runtime.discovery.RegistryEvent;
import dev.ossp.runtime.discovery.internal.DiscoveryService;
import dev.ossp.runtime.discovery.internal.store.MemoryRecordStore;
import dev.ossp.runtime.discovery.internal.testing.Cards;
import dev.ossp.runtime.discovery.internal.testing.MutableClock;
import dev.ossp.runtime.discovery.internal.testing.Registries;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.registry.StoreStatus;
import dev.ossp.runtime.registry.StoredRecord;
import dev.ossp.runtime.urn.AgentUrn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two registries over one shared store, as two runtime nodes over one ZooKeeper ensemble: the
 * store's change feed keeps each registry's index, query cache, leases and events in line with the
 * other's writes. The shared memory store delivers its feed on its own thread, so each check waits
 * for it, bounded by one second.
 */
class SharedStoreFeedTest {
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);
  private static final Duration TTL = Duration.ofSeconds(30);
  private static final AgentQuery TRANSLATORS =
      AgentQuery.builder().capabilities("translate").build();

  private final MutableClock clock = MutableClock.startingAt("2025-01-01T00:00:00Z");
  private final MemoryRecordStore store = MemoryRecordStore.openShared();
  private final DiscoveryService nodeA = Registries.over(store, clock);
  private final DiscoveryService nodeB = Registries.over(store, clock);
  private final DefaultAgentRegistry registryA = nodeA.registry();
  private final DefaultAgentRegistry registryB = nodeB.registry();

  @AfterEach
  void close() {
    nodeA.close();
    nodeB.close();
  }

  private static AgentRegistration translator(String name, String... tags) {
    return AgentRegistration.builder(Cards.a2a(name, "1.0.0", "translate", tags))
        .urn(AgentUrn.parse("urn:agent:lang:" + name.toLowerCase(java.util.Locale.ROOT)))
        .build();
  }

  private static AgentRegistration leased(String name) {
    return AgentRegistration.builder(Cards.a2a(name, "1.0.0", "beat"))
        .urn(AgentUrn.parse("urn:agent:lease:" + name.toLowerCase(java.util.Locale.ROOT)))
        .leaseTtl(TTL)
        .build();
  }

  @Test
  void registrationOnOneRegistryInvalidatesOthersCache() {
    // given: B has cached an empty result
    assertThat(registryB.query(TRANSLATORS).agents()).isEmpty();
    assertThat(registryB.query(TRANSLATORS).cached()).isTrue();

    // when
    AgentRecord written = registryA.register(translator("Babel"));

    // then
    await()
        .atMost(VISIBLE_WITHIN)
        .untilAsserted(() -> assertThat(registryB.query(TRANSLATORS).agents()).contains(written));
    assertThat(registryB.get(written.urn())).contains(written);
    assertThat(registryB.stats().agents()).isEqualTo(1);
    assertThat(registryB.storeStatus()).isEqualTo(StoreStatus.CONNECTED);
  }

  @Test
  void updateAndDeregisterReachOtherRegistryWithEvents() {
    // given
    List<RegistryEvent> eventsOnB = new CopyOnWriteArrayList<>();
    registryB.addListener(eventsOnB::add);
    AgentRecord first = registryA.register(translator("Babel"));
    await().atMost(VISIBLE_WITHIN).until(() -> registryB.get(first.urn()).isPresent());

    // when
    AgentRecord second = registryA.update(translator("Babel", "poetry"), first.revision());
    await()
        .atMost(VISIBLE_WITHIN)
        .untilAsserted(
            () ->
                assertThat(registryB.query(AgentQuery.builder().tags("poetry").build()).agents())
                    .containsExactly(second));
    registryA.deregister(second.urn());

    // then
    await()
        .atMost(VISIBLE_WITHIN)
        .untilAsserted(() -> assertThat(registryB.get(first.urn())).isEmpty());
    assertThat(registryB.query(TRANSLATORS).agents()).isEmpty();
    assertThat(eventsOnB)
        .extracting(RegistryEvent::type)
        .containsExactly(
            RegistryEvent.Type.REGISTERED,
            RegistryEvent.Type.UPDATED,
            RegistryEvent.Type.DEREGISTERED);
  }

  @Test
  void concurrentRegistrationsOfOneUrnHaveOneWinner() throws Exception {
    // given
    int rounds = 50;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Boolean>> results = new ArrayList<>();

    // when
    try {
      for (int round = 0; round < rounds; round++) {
        CountDownLatch start = new CountDownLatch(1);
        AgentRegistration registration = translator("Racer" + round);
        for (DefaultAgentRegistry registry : List.of(registryA, registryB)) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    try {
                      registry.register(registration);
                      return true;
                    } catch (OsspException e) {
                      assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                      return false;
                    }
                  }));
        }
        start.countDown();
      }
      int wins = 0;
      for (Future<Boolean> result : results) {
        wins += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }

      // then
      assertThat(wins).isEqualTo(rounds);
      assertThat(store.size()).isEqualTo(rounds);
      await()
          .atMost(VISIBLE_WITHIN)
          .untilAsserted(() -> assertThat(registryB.list()).isEqualTo(registryA.list()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void heartbeatOnOneRegistryRenewsLeaseOnOther() {
    // given
    AgentRecord record = registryA.register(leased("Beat"));
    await().atMost(VISIBLE_WITHIN).until(() -> registryB.get(record.urn()).isPresent());
    clock.advance(Duration.ofSeconds(20));

    // when
    registryB.heartbeat(record.urn());
    await()
        .atMost(VISIBLE_WITHIN)
        .untilAsserted(
            () ->
                assertThat(registryA.lease(record.urn()).orElseThrow().expiresAt())
                    .isEqualTo(clock.instant().plus(TTL)));
    clock.advance(Duration.ofSeconds(20));
    registryA.expireLeases();
    registryB.expireLeases();

    // then: 40 s after registration, both still see the agent renewed at 20 s
    assertThat(registryA.get(record.urn())).isPresent();
    assertThat(registryB.get(record.urn())).isPresent();
    assertThat(registryA.get(record.urn()).orElseThrow().revision())
        .isEqualTo(registryB.get(record.urn()).orElseThrow().revision());
  }

  @Test
  void leaseRunningOutHidesAgentOnEveryRegistry() {
    // given
    AgentRecord record = registryA.register(leased("Quiet"));
    await().atMost(VISIBLE_WITHIN).until(() -> registryB.get(record.urn()).isPresent());

    // when
    clock.advance(TTL);
    int expiredOnA = registryA.expireLeases();
    int expiredOnB = registryB.expireLeases();

    // then
    assertThat(expiredOnA).isEqualTo(1);
    assertThat(expiredOnB).isEqualTo(1);
    assertThat(registryA.get(record.urn())).isEmpty();
    assertThat(registryB.get(record.urn())).isEmpty();

    // and when the grace period ends, one registry deletes it and the other follows
    clock.advance(RegistrySettings.defaults().leaseGrace());
    registryA.expireLeases();
    registryB.expireLeases();
    assertThat(store.get(record.urn().toString())).isEmpty();
    await()
        .atMost(VISIBLE_WITHIN)
        .untilAsserted(() -> assertThat(registryB.stats().expiredAgents()).isZero());
    assertThat(registryA.stats().expiredAgents()).isZero();
  }

  @Test
  void lateChangeEventAfterDeleteIsIgnored() {
    // given
    AgentRecord record = registryA.register(translator("Ghost"));
    StoredRecord stored = store.get(record.urn().toString()).orElseThrow();
    registryA.deregister(record.urn());

    // when: the feed delivers the registration after the delete
    registryA.applyStoredChange(stored);

    // then
    assertThat(registryA.get(record.urn())).isEmpty();
    assertThat(registryA.query(TRANSLATORS).agents()).isEmpty();
  }

  @Test
  void olderRevisionNeverReplacesNewerOne() {
    // given
    AgentRecord first = registryA.register(translator("Babel"));
    StoredRecord stored = store.get(first.urn().toString()).orElseThrow();
    AgentRecord second = registryA.update(translator("Babel", "poetry"), first.revision());

    // when
    registryA.applyStoredChange(stored);
    registryA.applyStoredDelete(stored.key(), stored.revision());

    // then
    assertThat(registryA.get(first.urn())).contains(second);
  }

  @Test
  void resynchronizationRemovesAgentsDeletedMeanwhile() {
    // given: B has an agent the store no longer contains, and one written after the snapshot
    AgentRecord gone = registryA.register(translator("Gone"));
    await().atMost(VISIBLE_WITHIN).until(() -> registryB.get(gone.urn()).isPresent());
    long snapshotRevision = store.get(gone.urn().toString()).orElseThrow().revision();
    AgentRecord late = registryA.register(translator("Late"));
    await().atMost(VISIBLE_WITHIN).until(() -> registryB.get(late.urn()).isPresent());

    // when
    registryB.resynchronize(List.of(), snapshotRevision);

    // then
    assertThat(registryB.get(gone.urn())).isEmpty();
    assertThat(registryB.get(late.urn())).isPresent();
    QueryResult result = registryB.query(TRANSLATORS);
    assertThat(result.agents()).containsExactly(late);
  }
}
