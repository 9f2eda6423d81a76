package dev.ossp.runtime.discovery.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.discovery.QueryResult;
import dev.ossp.runtime.discovery.RevisionConflictException;
import dev.ossp.runtime.discovery.internal.DiscoveryService;
import dev.ossp.runtime.discovery.internal.testing.Cards;
import dev.ossp.runtime.discovery.internal.testing.MutableClock;
import dev.ossp.runtime.discovery.internal.testing.Registries;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.urn.AgentUrn;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistryConcurrencyTest {
  private static final int THREADS = 8;

  private final MutableClock clock = MutableClock.startingAt("2025-01-01T00:00:00Z");
  private final DiscoveryService service = Registries.memory(clock);
  private final AgentRegistry registry = service.registry();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void close() {
    pool.shutdownNow();
    service.close();
  }

  private static AgentRegistration agent(int i) {
    return AgentRegistration.of(
        AgentUrn.parse("urn:agent:load:agent-" + i),
        Cards.a2a("Agent " + i, "1.0.0", "skill-" + (i % 5), "tag-" + (i % 3)));
  }

  private <T> List<T> runAll(List<java.util.concurrent.Callable<T>> tasks) throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    for (java.util.concurrent.Callable<T> task : tasks) {
      futures.add(pool.submit(task));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(60, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void concurrentRegistersOfEachUrnHaveExactlyOneWinner() throws Exception {
    // given
    int agents = 200;
    AtomicInteger wins = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      tasks.add(
          () -> {
            start.await();
            for (int i = 0; i < agents; i++) {
              try {
                registry.register(agent(i));
                wins.incrementAndGet();
              } catch (OsspException e) {
                assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                conflicts.incrementAndGet();
              }
            }
            return null;
          });
    }

    // when
    List<Future<Void>> futures = new ArrayList<>();
    for (var task : tasks) {
      futures.add(pool.submit(task));
    }
    start.countDown();
    for (Future<Void> future : futures) {
      future.get(60, TimeUnit.SECONDS);
    }

    // then
    assertThat(wins.get()).isEqualTo(agents);
    assertThat(conflicts.get()).isEqualTo(agents * (THREADS - 1));
    assertThat(registry.list()).hasSize(agents);
    assertThat(registry.query(AgentQuery.builder().limit(1000).build()).total()).isEqualTo(agents);
  }

  @Test
  void concurrentUpdatesOfOneRevisionHaveExactlyOneWinner() throws Exception {
    // given
    AgentRecord record = registry.register(agent(1));
    List<java.util.concurrent.Callable<Boolean>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      tasks.add(
          () -> {
            try {
              registry.update(AgentRegistration.of(record.urn(), record.cardJson()), 1);
              return true;
            } catch (RevisionConflictException e) {
              return false;
            }
          });
    }

    // when
    List<Boolean> results = runAll(tasks);

    // then
    assertThat(results).containsOnlyOnce(true);
    assertThat(registry.get(record.urn()).orElseThrow().revision()).isEqualTo(2);
  }

  @Test
  void queriesDuringWritesSeeOnlyMatchingAgentsAndEndConsistent() throws Exception {
    // given
    int agents = 300;
    List<java.util.concurrent.Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS / 2; t++) {
      int writer = t;
      tasks.add(
          () -> {
            for (int i = writer; i < agents; i += THREADS / 2) {
              registry.register(agent(i));
              if (i % 10 == 0) {
                registry.deregister(AgentUrn.parse("urn:agent:load:agent-" + i + "@1.0.0"));
              }
            }
            return 0;
          });
    }
    for (int t = 0; t < THREADS / 2; t++) {
      tasks.add(
          () -> {
            int checked = 0;
            for (int round = 0; round < 200; round++) {
              QueryResult result =
                  registry.query(AgentQuery.builder().capabilities("skill-1").limit(1000).build());
              for (AgentRecord record : result.agents()) {
                assertThat(record.capabilities()).contains("skill-1");
                checked++;
              }
            }
            return checked;
          });
    }

    // when
    runAll(tasks);

    // then
    QueryResult all =
        registry.query(AgentQuery.builder().capabilities("skill-1").limit(1000).build());
    int expected = 0;
    for (int i = 0; i < agents; i++) {
      if (i % 5 == 1 && i % 10 != 0) {
        expected++;
      }
    }
    // A cached result, if served, must already include every write that matches the filter.
    assertThat(all.total()).isEqualTo(expected);
    QueryResult again =
        registry.query(AgentQuery.builder().capabilities("skill-1").limit(1000).build());
    assertThat(again.cached()).isTrue();
    assertThat(again.agents()).isEqualTo(all.agents());
  }

  @Test
  void queriesDuringChurnReturnOnlyCurrentMatches() throws Exception {
    // given: agents whose capability flips between "hot" and "cold", and agents deregistered and
    // registered again, so slots are reused while queries walk them
    int agents = 200;
    for (int i = 0; i < agents; i++) {
      registry.upsert(churnAgent(i, "hot"));
    }
    CountDownLatch writersDone = new CountDownLatch(2);
    List<java.util.concurrent.Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      java.util.Random random = new java.util.Random(t);
      tasks.add(
          () -> {
            try {
              for (int op = 0; op < 3_000; op++) {
                int i = random.nextInt(agents);
                if (random.nextInt(4) == 0) {
                  registry.deregister(AgentUrn.parse("urn:agent:churn:a-" + i + "@1.0.0"));
                  registry.upsert(churnAgent(i, random.nextBoolean() ? "hot" : "cold"));
                } else {
                  registry.upsert(churnAgent(i, random.nextBoolean() ? "hot" : "cold"));
                }
              }
            } finally {
              writersDone.countDown();
            }
            return 0;
          });
    }
    for (int t = 0; t < 2; t++) {
      tasks.add(
          () -> {
            int checked = 0;
            for (int round = 0; writersDone.getCount() > 0 && round < 20_000; round++) {
              // A limit of its own per round keeps most queries away from the result cache.
              QueryResult result =
                  registry.query(
                      AgentQuery.builder()
                          .domain("churn")
                          .capabilities("hot")
                          .limit(300 + round % 700)
                          .build());
              java.util.Set<AgentUrn> seen = new java.util.HashSet<>();
              for (AgentRecord record : result.agents()) {
                assertThat(record.domain()).isEqualTo("churn");
                assertThat(record.capabilities()).contains("hot");
                assertThat(seen.add(record.urn())).as("%s twice", record.urn()).isTrue();
                checked++;
              }
              assertThat(result.agents()).hasSize(result.total());
            }
            return checked;
          });
    }

    // when
    List<Integer> checked = runAll(tasks);

    // then
    assertThat(checked.get(2) + checked.get(3)).isPositive();
    List<AgentUrn> hot =
        registry.list().stream()
            .filter(r -> r.domain().equals("churn") && r.capabilities().contains("hot"))
            .map(AgentRecord::urn)
            .sorted()
            .toList();
    QueryResult last =
        registry.query(AgentQuery.builder().domain("churn").capabilities("hot").limit(999).build());
    assertThat(last.agents().stream().map(AgentRecord::urn).sorted().toList())
        .containsExactlyElementsOf(hot);
  }

  private static AgentRegistration churnAgent(int i, String skill) {
    return AgentRegistration.of(
        AgentUrn.parse("urn:agent:churn:a-" + i), Cards.a2a("Churn " + (i % 17), "1.0.0", skill));
  }
}
