package dev.ossp.runtime.benchmarks;

import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.discovery.QueryResult;
import dev.ossp.runtime.urn.AgentUrn;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The discovery registry through its public API on a runtime without a node.
 *
 * <ul>
 *   <li>{@code cachedQuery}: a repeated query (domain + capability, page of 100) served from the
 *       result cache ({@code caffeine});
 *   <li>{@code uncachedIndexedQuery}: the same query on a registry with the cache off, so every
 *       call intersects the domain and capability indexes, filters, sorts and pages;
 *   <li>{@code directLinearScan}: the baseline, the same query as a plain scan over a list of the
 *       same records (filter, sort by name and URN, first 100), as the original runtime did it;
 *   <li>{@code register}: registration throughput (card validation, store write, indexing) on the
 *       {@code memory} store and on the {@code file} store, which fsyncs each write.
 * </ul>
 *
 * <p>Agents spread over 20 domains; each has 3 skills drawn from 50 skill ids and 2 of 10 tags, so
 * the measured query matches about 0.3% of the agents. Run {@code main} with the argument {@code
 * heap} to estimate the retained heap per agent at 10,000 and 100,000 agents.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms4g", "-Xmx4g"})
public class DiscoveryBenchmark {
  private static final int DOMAINS = 20;
  private static final int SKILLS = 50;
  private static final int TAGS = 10;
  private static final int CARD_VARIANTS = 1000;

  /** Registries holding {@code agents} agents, one with the result cache and one without. */
  @State(Scope.Benchmark)
  public static class Populated {
    @Param({"1000", "10000", "100000"})
    public int agents;

    private final List<Path> directories = new ArrayList<>();
    private OsspRuntime cachedRuntime;
    private OsspRuntime uncachedRuntime;
    AgentRegistry cached;
    AgentRegistry uncached;
    List<AgentRecord> records;
    AgentQuery query;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      cachedRuntime = start("memory", true, directories);
      uncachedRuntime = start("memory", false, directories);
      cached = cachedRuntime.instance(AgentRegistry.class);
      uncached = uncachedRuntime.instance(AgentRegistry.class);
      for (int i = 0; i < agents; i++) {
        AgentRegistration registration = registration(i);
        cached.register(registration);
        uncached.register(registration);
      }
      records = new ArrayList<>(uncached.list());
      query = AgentQuery.builder().domain("d3").capabilities("skill-7").limit(100).build();
      QueryResult expected = directScan(records, "d3", "skill-7", 100);
      QueryResult fromIndex = uncached.query(query);
      if (!fromIndex.agents().equals(expected.agents()) || fromIndex.total() != expected.total()) {
        throw new IllegalStateException("indexed query and linear scan disagree");
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      cachedRuntime.close();
      uncachedRuntime.close();
      deleteAll(directories);
    }
  }

  /** A fresh, empty registry per iteration, on the store named by {@code store}. */
  @State(Scope.Benchmark)
  public static class Empty {
    @Param({"memory", "file"})
    public String store;

    private final List<Path> directories = new ArrayList<>();
    private OsspRuntime runtime;
    AgentRegistry registry;
    int next;

    @Setup(Level.Iteration)
    public void setUp() throws IOException {
      runtime = start(store, true, directories);
      registry = runtime.instance(AgentRegistry.class);
      next = 0;
    }

    @TearDown(Level.Iteration)
    public void tearDown() throws IOException {
      runtime.close();
      deleteAll(directories);
    }
  }

  @Benchmark
  public QueryResult cachedQuery(Populated state) {
    return state.cached.query(state.query);
  }

  @Benchmark
  public QueryResult uncachedIndexedQuery(Populated state) {
    return state.uncached.query(state.query);
  }

  @Benchmark
  public QueryResult directLinearScan(Populated state) {
    return directScan(state.records, "d3", "skill-7", 100);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public AgentRecord register(Empty state) {
    return state.registry.register(registration(state.next++));
  }

  /** The baseline: filter a list, sort the matches by name and URN, take the first page. */
  static QueryResult directScan(List<AgentRecord> records, String domain, String skill, int limit) {
    long started = System.nanoTime();
    List<AgentRecord> matches = new ArrayList<>();
    for (AgentRecord record : records) {
      if (record.domain().equals(domain) && record.capabilities().contains(skill)) {
        matches.add(record);
      }
    }
    matches.sort(
        Comparator.comparing(AgentRecord::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(AgentRecord::urn));
    List<AgentRecord> page = List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
    java.time.Instant now = java.time.Instant.now();
    return new QueryResult(
        AgentQuery.all(),
        page,
        java.util.Map.of(),
        matches.size(),
        0,
        null,
        now,
        java.time.Duration.ofNanos(System.nanoTime() - started),
        now,
        false);
  }

  static OsspRuntime start(String store, boolean cache, List<Path> directories) throws IOException {
    Path data = Files.createTempDirectory("ossp-discovery-bench");
    directories.add(data);
    OsspRuntime runtime =
        OsspRuntime.builder()
            .set("node.enabled", false)
            .set("runtime.data-dir", data.toString())
            .set("runtime.shutdown-hook", false)
            .set("strategies.registry-store", store)
            .set("discovery.cache.enabled", cache)
            .set("discovery.max-agents", 10_000_000)
            .build();
    runtime.start();
    return runtime;
  }

  static AgentRegistration registration(int i) {
    return AgentRegistration.of(
        AgentUrn.parse("urn:agent:d" + (i % DOMAINS) + ":agent-" + i),
        CARDS.get(i % CARD_VARIANTS));
  }

  private static final List<String> CARDS = cards();

  /** Cards of about 1 KB in the A2A v0.3 shape, with 3 skills and 2 tags each. */
  private static List<String> cards() {
    List<String> cards = new ArrayList<>(CARD_VARIANTS);
    for (int i = 0; i < CARD_VARIANTS; i++) {
      StringBuilder skills = new StringBuilder();
      for (int s = 0; s < 3; s++) {
        int skill = (i * 7 + s * 13) % SKILLS;
        if (s > 0) {
          skills.append(',');
        }
        skills
            .append("{\"id\":\"skill-")
            .append(skill)
            .append("\",\"name\":\"Skill ")
            .append(skill)
            .append("\",\"description\":\"Performs skill number ")
            .append(skill)
            .append(" on the given input\",\"tags\":[\"tag-")
            .append((i + s) % TAGS)
            .append("\",\"tag-")
            .append((i + s + 3) % TAGS)
            .append("\"]}");
      }
      cards.add(
          String.format(
              Locale.ROOT,
              "{\"protocolVersion\":\"0.3.0\",\"name\":\"Agent %04d\","
                  + "\"description\":\"Benchmark agent %d that answers requests about topic %d\","
                  + "\"url\":\"http://127.0.0.1:9000/agents/%d/a2a\",\"preferredTransport\":\"JSONRPC\","
                  + "\"additionalInterfaces\":[{\"url\":\"http://127.0.0.1:9000/agents/%d/rest\","
                  + "\"transport\":\"HTTP+JSON\"}],\"version\":\"1.0.0\","
                  + "\"provider\":{\"organization\":\"Bench Org\",\"url\":\"https://example.org\"},"
                  + "\"capabilities\":{\"streaming\":true,\"pushNotifications\":false},"
                  + "\"defaultInputModes\":[\"text/plain\"],\"defaultOutputModes\":[\"text/plain\"],"
                  + "\"skills\":[%s]}",
              i,
              i,
              i % 97,
              i,
              i,
              skills));
    }
    return List.copyOf(cards);
  }

  static void deleteAll(List<Path> directories) throws IOException {
    for (Path directory : directories) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
    directories.clear();
  }

  /**
   * Estimates the retained heap per registered agent: heap used after full GCs with N agents minus
   * heap used with none, divided by N, for each store. The result is an estimate: {@code
   * System.gc()} is a request, and the JVM's own allocations between the two readings count too.
   *
   * <p>Run: {@code java -Xmx4g -cp benchmarks.jar dev.ossp.runtime.benchmarks.DiscoveryBenchmark
   * heap}
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1 || !args[0].equals("heap")) {
      System.err.println("usage: DiscoveryBenchmark heap   (run JMH through benchmarks.jar)");
      System.exit(2);
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.out.printf(
        Locale.ROOT, "%-7s %8s %14s %16s%n", "store", "agents", "retained MiB", "bytes per agent");
    for (String store : List.of("memory", "file")) {
      for (int agents : List.of(10_000, 100_000)) {
        List<Path> directories = new ArrayList<>();
        OsspRuntime runtime = start(store, true, directories);
        AgentRegistry registry = runtime.instance(AgentRegistry.class);
        long before = usedAfterGc(memory);
        for (int i = 0; i < agents; i++) {
          registry.register(registration(i));
        }
        registry.clearCache();
        long after = usedAfterGc(memory);
        long retained = after - before;
        System.out.printf(
            Locale.ROOT,
            "%-7s %8d %14.1f %16d%n",
            store,
            agents,
            retained / (1024.0 * 1024.0),
            retained / agents);
        if (registry.stats().agents() != agents) {
          throw new IllegalStateException("registry lost agents");
        }
        runtime.close();
        deleteAll(directories);
      }
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
