package dev.ossp.runtime.zookeeper.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 10,000 registrations spread over two nodes, then the same queries on both nodes must return the
 * same agents. Bounded: 8 writer threads, and at most two minutes for the nodes to agree.
 */
class TwoNodeLoadTest {
  private static final Logger LOG = LoggerFactory.getLogger(TwoNodeLoadTest.class);
  private static final int AGENTS = 10_000;
  private static final int THREADS_PER_NODE = 4;
  private static final String[] CAPABILITIES = {"translate", "summarize", "search", "plan"};

  @TempDir Path dataA;
  @TempDir Path dataB;

  @Test
  void tenThousandRegistrationsGiveIdenticalQueries() throws Exception {
    try (TestingServer server = new TestingServer(true);
        OsspRuntime nodeA = RuntimeNodes.start(dataA, server.getConnectString(), "/load");
        OsspRuntime nodeB = RuntimeNodes.start(dataB, server.getConnectString(), "/load")) {
      // given
      List<AgentRegistry> registries =
          List.of(RuntimeNodes.registry(nodeA), RuntimeNodes.registry(nodeB));
      ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
      List<Future<?>> writers = new ArrayList<>();
      long started = System.nanoTime();

      // when
      try {
        for (int t = 0; t < 2 * THREADS_PER_NODE; t++) {
          int thread = t;
          AgentRegistry registry = registries.get(t % 2);
          writers.add(
              pool.submit(
                  () -> {
                    for (int i = thread; i < AGENTS; i += 2 * THREADS_PER_NODE) {
                      registry.register(
                          RuntimeNodes.agent("Load" + i, CAPABILITIES[i % CAPABILITIES.length]));
                    }
                    return null;
                  }));
        }
        for (Future<?> writer : writers) {
          writer.get(3, TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
      }
      Duration writing = Duration.ofNanos(System.nanoTime() - started);
      await().atMost(Duration.ofMinutes(2)).until(() -> registries.get(1).list().size() == AGENTS);
      await().atMost(Duration.ofMinutes(2)).until(() -> registries.get(0).list().size() == AGENTS);
      LOG.info(
          "{} registrations over two nodes took {} ms; both nodes agreed after {} ms",
          AGENTS,
          writing.toMillis(),
          Duration.ofNanos(System.nanoTime() - started).toMillis());

      // then
      assertThat(registries.get(0).list()).isEqualTo(registries.get(1).list());
      for (String capability : CAPABILITIES) {
        AgentQuery query = AgentQuery.builder().capabilities(capability).limit(1000).build();
        assertThat(registries.get(0).query(query).agents())
            .as(capability)
            .isEqualTo(registries.get(1).query(query).agents());
        assertThat(registries.get(0).query(query).total()).isEqualTo(AGENTS / 4);
      }
    }
  }
}
