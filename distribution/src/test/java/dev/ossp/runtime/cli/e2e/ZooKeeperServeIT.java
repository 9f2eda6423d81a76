package dev.ossp.runtime.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes from two unpacked copies of the tarball share one registry on an in-process ZooKeeper
 * server: each copy gets the jars of {@code plugins-available/zookeeper/} in {@code plugins/} and
 * selects the {@code zookeeper} store in {@code conf/runtime.yaml}, an agent registered on the
 * first node through the CLI is found on the second through the CLI, and SIGINT stops both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZooKeeperServeIT {
  private static final String URN = "urn:agent:weather:forecaster";
  private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(20);

  private static TestingServer zookeeper;
  private static Installation firstInstallation;
  private static Installation secondInstallation;
  private static Node first;
  private static Node second;
  private static final List<ProcessHandle> processes = new ArrayList<>();

  @BeforeAll
  static void startZooKeeperAndNodes() throws Exception {
    InstanceSpec spec =
        new InstanceSpec(
            null,
            -1,
            -1,
            -1,
            true,
            -1,
            -1,
            -1,
            Map.of("clientPortAddress", "127.0.0.1"),
            "127.0.0.1");
    zookeeper = new TestingServer(spec, true);
    String connectString = "127.0.0.1:" + spec.getPort();
    firstInstallation = enableZooKeeperStore(Installation.unpack(), connectString);
    secondInstallation = enableZooKeeperStore(Installation.unpack(), connectString);
    first = Node.serve(firstInstallation);
    second = Node.serve(secondInstallation);
    for (Node node : List.of(first, second)) {
      ProcessHandle handle = ProcessHandle.of(node.process().pid()).orElseThrow();
      processes.add(handle);
      handle.descendants().forEach(processes::add);
    }
  }

  @AfterAll
  static void stopEverything() throws Exception {
    try (TestingServer server = zookeeper;
        Installation firstCopy = firstInstallation;
        Installation secondCopy = secondInstallation;
        Node firstNode = first;
        Node secondNode = second) {
      // Closed in reverse order: a node that a failed test left running is killed, both copies
      // are deleted, then ZooKeeper stops. Null resources, from a failed start, are skipped.
    }
  }

  /**
   * Copies the store's jars into {@code plugins/}, as the plugins README describes, and selects the
   * store with the server's address in {@code conf/runtime.yaml}.
   */
  private static Installation enableZooKeeperStore(Installation installation, String connectString)
      throws IOException {
    Path home = installation.home();
    try (Stream<Path> jars = Files.list(home.resolve("plugins-available/zookeeper"))) {
      for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
        Files.copy(jar, home.resolve("plugins").resolve(jar.getFileName()));
      }
    }
    Path config = home.resolve("conf/runtime.yaml");
    String yaml = Files.readString(config);
    String storeSection = "  store:\n    # directory of the registry store";
    assertThat(yaml).contains("  registry-store: file\n", storeSection);
    Files.writeString(
        config,
        yaml.replace("  registry-store: file\n", "  registry-store: zookeeper\n")
            .replace(
                storeSection,
                "  store:\n    zookeeper:\n      connect-string: "
                    + connectString
                    + "\n    # directory of the registry store"));
    return installation;
  }

  @Test
  @Order(1)
  void bothNodesUseZooKeeperStore() throws Exception {
    for (Node node : List.of(first, second)) {
      // when
      JsonNode health = node.getJson("/health");
      JsonNode stats = node.getJson("/v1/stats");

      // then
      assertThat(node.details().path("plugins").toString())
          .contains("ossp-discovery-zookeeper-", "zookeeper-3.");
      assertThat(health.path("strategies").path("registry-store").asText())
          .as("%s", health)
          .isEqualTo("zookeeper");
      assertThat(stats.toString()).contains("zookeeper").contains("connected");
    }
  }

  @Test
  @Order(2)
  void registeredAgentVisibleOnSecondNode() throws Exception {
    // given: the second node does not know the agent yet
    CommandResult before =
        secondInstallation.run("discover", "--domain", "weather", "--node", second.url(), "--json");
    assertThat(before.exitCode()).as(before.describe()).isZero();
    assertThat(Node.JSON.readTree(before.stdout()).path("total").asInt()).isZero();

    // when
    CommandResult register =
        firstInstallation.run(
            "register",
            "examples/agent-cards/weather/forecaster.json",
            "--urn",
            URN,
            "--node",
            first.url());
    Instant registered = Instant.now();
    CommandResult found = discoverOnSecondUntilFound();

    // then
    assertThat(register.exitCode()).as(register.describe()).isZero();
    assertThat(found.stdout()).as(found.describe()).contains(URN + "@1.4.2");
    System.out.printf(
        "ZooKeeperServeIT: agent listed on the second node %d ms after register returned%n",
        Duration.between(registered, Instant.now()).toMillis());
  }

  /** Runs {@code discover --node <second>} until it lists the agent, within a bounded wait. */
  private static CommandResult discoverOnSecondUntilFound() throws Exception {
    Instant deadline = Instant.now().plus(VISIBILITY_TIMEOUT);
    CommandResult result;
    int attempts = 0;
    do {
      attempts++;
      result = secondInstallation.run("discover", "--domain", "weather", "--node", second.url());
      if (result.exitCode() == 0 && result.stdout().contains(URN)) {
        return result;
      }
      Thread.sleep(200);
    } while (Instant.now().isBefore(deadline) && attempts < 20);
    throw new AssertionError(
        "the second node did not list "
            + URN
            + " within "
            + VISIBILITY_TIMEOUT
            + " ("
            + attempts
            + " attempts); last discover: "
            + result.describe());
  }

  @Test
  @Order(3)
  void sigintStopsBothNodes() throws Exception {
    // when
    first.process().signal("INT");
    second.process().signal("INT");
    CommandResult firstStopped = first.process().awaitExit(Duration.ofSeconds(60));
    CommandResult secondStopped = second.process().awaitExit(Duration.ofSeconds(60));

    // then
    assertThat(firstStopped.exitCode()).as(firstStopped.describe()).isZero();
    assertThat(secondStopped.exitCode()).as(secondStopped.describe()).isZero();
    assertThat(firstStopped.stderr()).contains("runtime stopped");
    assertThat(secondStopped.stderr()).contains("runtime stopped");
    assertThat(processes).isNotEmpty().noneMatch(ProcessHandle::isAlive);
  }
}
