package dev.ossp.runtime.benchmarks.report;

import static dev.ossp.runtime.benchmarks.report.Variant.anchor;
import static dev.ossp.runtime.benchmarks.report.Variant.baseline;
import static dev.ossp.runtime.benchmarks.report.Variant.ours;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's sections: which benchmark methods are compared with which, and the goals and the
 * original runtime's targets each component is checked against. The original targets are the
 * JavaScript runtime's published performance table (latency, throughput and memory per component)
 * and its end-to-end requirement that the whole chain finish under 5 s. This suite does not measure
 * the memory targets.
 */
final class Catalog {
  static final String RESILIENCE4J = "resilience4j 2.4.0";
  static final String FAILSAFE = "Failsafe 3.3.2";
  static final String MCP_SDK = "MCP Java SDK 2.2.0";
  private static final String DIRECT = "direct call";
  private static final Map<String, String> NONE = Map.of();

  private Catalog() {}

  static List<Section> sections() {
    return List.of(circuitBreaker(), retry(), discovery(), a2a(), mcp(), endToEnd(), urn());
  }

  private static Section circuitBreaker() {
    String b = "CircuitBreakerBenchmark.";
    Variant direct1 = baseline("payload only", DIRECT, b + "direct1Thread", "avgt", NONE);
    Variant ours1 = ours("CLOSED, executeSupplier", b + "closed1Thread", "avgt", NONE);
    Variant r4j1 = anchor("CLOSED", RESILIENCE4J, b + "resilience4jClosed1Thread", "avgt", NONE);
    Variant fs1 = anchor("CLOSED", FAILSAFE, b + "failsafeClosed1Thread", "avgt", NONE);

    Variant direct2 = baseline("payload only", DIRECT, b + "direct2Threads", "avgt", NONE);
    Variant ours2 = ours("CLOSED, executeSupplier", b + "closed2Threads", "avgt", NONE);
    Variant r4j2 = anchor("CLOSED", RESILIENCE4J, b + "resilience4jClosed2Threads", "avgt", NONE);
    Variant fs2 = anchor("CLOSED", FAILSAFE, b + "failsafeClosed2Threads", "avgt", NONE);

    Variant permit = ours("CLOSED, permit API", b + "closedPermit", "avgt", NONE);
    Group closed1 =
        new Group(
            "CLOSED, 1 thread", "breaker-closed-1", List.of(ours1, permit, r4j1, fs1, direct1));
    Group closed2 =
        new Group(
            "CLOSED, 2 threads sharing one breaker",
            "breaker-closed-2",
            List.of(ours2, r4j2, fs2, direct2));

    Group open =
        new Group(
            "OPEN, rejecting a call",
            "breaker-open",
            List.of(
                ours("OPEN, permit API", b + "openRejectedPermit", "avgt", NONE),
                ours("OPEN, CircuitOpenException", b + "openRejectedException", "avgt", NONE),
                anchor(
                    "OPEN, exception", RESILIENCE4J, b + "resilience4jOpenRejected", "avgt", NONE),
                anchor("OPEN, exception", FAILSAFE, b + "failsafeOpenRejected", "avgt", NONE)));

    List<Goal> goals =
        List.of(
            Goals.overheadFraction(
                "overhead at 1 thread vs resilience4j", ours1, r4j1, direct1, 0.5),
            Goals.overheadFraction(
                "overhead at 2 threads vs resilience4j", ours2, r4j2, direct2, 0.5),
            Goals.allocationBelow(
                "allocation, CLOSED", "0 B/op", Goals.ZERO_BYTES, List.of(ours1, ours2)),
            Goals.originalLatency(10, ours1),
            Goals.originalThroughput(10_000, ours2));
    return new Section(
        "Circuit breaker",
        "breaker",
        "The cost of a breaker around a call that burns a fixed amount of CPU (`Blackhole.consumeCPU`),"
            + " beside the same call without a breaker. The overhead is a variant's time minus the"
            + " direct call's time.",
        List.of(closed1, closed2, open),
        goals);
  }

  private static Section retry() {
    String b = "RetryBenchmark.";
    Variant direct = baseline("payload only", DIRECT, b + "direct", "avgt", NONE);
    Variant withBudget = ours("no failure, default (retry budget)", b + "withBudget", "avgt", NONE);
    Variant withoutBudget = ours("no failure, budget off", b + "withoutBudget", "avgt", NONE);
    Group noFailure =
        new Group(
            "No failure, 1 thread",
            "retry-no-failure",
            List.of(
                withBudget,
                withoutBudget,
                anchor("no failure", RESILIENCE4J, b + "resilience4jNoFailure", "avgt", NONE),
                anchor("no failure", FAILSAFE, b + "failsafeNoFailure", "avgt", NONE),
                direct));
    Group oneFailure =
        new Group(
            "One failure, then success, zero delay",
            "retry-one-failure",
            List.of(
                ours("one failure", b + "oneFailure", "avgt", NONE),
                anchor("one failure", RESILIENCE4J, b + "resilience4jOneFailure", "avgt", NONE),
                anchor("one failure", FAILSAFE, b + "failsafeOneFailure", "avgt", NONE),
                baseline(
                    "payload twice, first throws", DIRECT, b + "directOneFailure", "avgt", NONE)));
    Variant direct2 = baseline("payload only", DIRECT, b + "direct2Threads", "avgt", NONE);
    Group twoThreads =
        new Group(
            "No failure, 2 threads",
            "retry-2-threads",
            List.of(
                ours("no failure, default (retry budget)", b + "withBudget2Threads", "avgt", NONE),
                direct2));
    List<Goal> goals =
        List.of(
            Goals.overheadWithin("no-failure overhead vs the direct call", withBudget, direct, 10),
            Goals.allocationBelow(
                "allocation, no failure", "0 B/op", Goals.ZERO_BYTES, List.of(withBudget)),
            Goals.originalLatency(5, withBudget),
            Goals.originalThroughput(10_000, withBudget));
    return new Section(
        "Retry",
        "retry",
        "A retry policy around a call that succeeds at once (the path almost every call takes), and"
            + " around one that fails once and then succeeds with no delay between attempts.",
        List.of(noFailure, oneFailure, twoThreads),
        goals);
  }

  private static Section discovery() {
    String b = "DiscoveryBenchmark.";
    List<Group> groups = new ArrayList<>();
    List<Variant> cached = new ArrayList<>();
    for (String agents : List.of("1000", "10000", "100000")) {
      Map<String, String> params = Map.of("agents", agents);
      Variant cachedQuery = ours("cached query", b + "cachedQuery", "avgt", params);
      cached.add(cachedQuery);
      groups.add(
          new Group(
              "Query at " + agents + " agents",
              "discovery-query-" + agents,
              List.of(
                  cachedQuery,
                  ours("uncached indexed query", b + "uncachedIndexedQuery", "avgt", params),
                  baseline("linear scan", "list scan", b + "directLinearScan", "avgt", params))));
    }
    groups.add(
        new Group(
            "Registration",
            "discovery-register",
            List.of(
                ours("register, memory store", b + "register", "thrpt", Map.of("store", "memory")),
                ours("register, file store", b + "register", "thrpt", Map.of("store", "file")))));
    Map<String, String> largest = Map.of("agents", "100000");
    Variant indexed = ours("uncached indexed query", b + "uncachedIndexedQuery", "avgt", largest);
    Variant scan = baseline("linear scan", "list scan", b + "directLinearScan", "avgt", largest);
    List<Goal> goals =
        List.of(
            Goals.latencyBelow("cached query, 1k to 100k agents", 1_000, cached),
            Goals.latencyBelow("uncached indexed query at 100k agents", 100_000, List.of(indexed)),
            Goals.speedupAtLeast("indexed query vs linear scan at 100k agents", indexed, scan, 100),
            Goals.originalLatency(100, indexed),
            Goals.originalThroughput(1_000, indexed));
    return new Section(
        "Discovery",
        "discovery",
        "A query by domain and capability (page of 100) through the registry API, served from the"
            + " result cache, or with the cache off through the inverted indexes, beside a linear"
            + " scan of the same records; and the registration rate on the `memory` and `file` stores."
            + " The retained heap per agent is measured by `DiscoveryBenchmark heap`, not by JMH.",
        groups,
        goals);
  }

  private static Section a2a() {
    String b = "A2aBenchmark.";
    Variant fullSeq = ours("full stack", b + "fullStackSequential", "thrpt", NONE);
    Variant bareSeq =
        baseline("bare client", "HttpClient 5", b + "directHttpClient5Sequential", "thrpt", NONE);
    Variant full16 = ours("full stack", b + "fullStackConcurrent16", "thrpt", NONE);
    Variant bare16 =
        baseline("bare client", "HttpClient 5", b + "directHttpClient5Concurrent16", "thrpt", NONE);
    Group sequential =
        new Group(
            "Sequential, 1 thread",
            "a2a-sequential",
            List.of(
                fullSeq,
                bareSeq,
                baseline(
                    "bare client",
                    "JDK HttpClient",
                    b + "directJdkHttpClientSequential",
                    "thrpt",
                    NONE)));
    Group concurrent =
        new Group(
            "16 threads",
            "a2a-concurrent-16",
            List.of(
                full16,
                bare16,
                baseline(
                    "bare client",
                    "JDK HttpClient",
                    b + "directJdkHttpClientConcurrent16",
                    "thrpt",
                    NONE)));
    List<Goal> goals =
        List.of(
            Goals.throughputRatio(
                "full stack vs bare HttpClient 5, sequential", fullSeq, bareSeq, 0.9),
            Goals.throughputRatio(
                "full stack vs bare HttpClient 5, 16 threads", full16, bare16, 0.9),
            Goals.originalLatency(500, fullSeq),
            Goals.originalThroughput(100, full16));
    return new Section(
        "A2A HTTP",
        "a2a",
        "A loopback GET to one local Jetty server: through the runtime's agent client (URN resolved"
            + " through discovery, breaker, retry, HttpClient 5 pool), through a bare pooled"
            + " HttpClient 5, and through the JDK's HttpClient.",
        List.of(sequential, concurrent),
        goals);
  }

  private static Section mcp() {
    String b = "McpBenchmark.";
    Variant oursSeq = ours("echo, sequential", b + "echoSequential", "thrpt", NONE);
    Variant rawSeq =
        baseline("echo, sequential", "raw pipe", b + "directRawPipeSequential", "thrpt", NONE);
    Variant ours16 = ours("echo, 16 in flight", b + "echoPipelined16", "thrpt", NONE);
    Variant sdk16 =
        anchor("echo, 16 in flight", MCP_SDK + " async", b + "sdkAsyncPipelined16", "thrpt", NONE);
    Group sequential =
        new Group(
            "tools/call echo, sequential",
            "mcp-sequential",
            List.of(
                oursSeq,
                anchor(
                    "echo, sequential", MCP_SDK + " sync", b + "sdkSyncSequential", "thrpt", NONE),
                anchor(
                    "echo, sequential",
                    MCP_SDK + " async",
                    b + "sdkAsyncSequential",
                    "thrpt",
                    NONE),
                rawSeq));
    Group inFlight =
        new Group(
            "tools/call echo, 16 in flight",
            "mcp-in-flight-16",
            List.of(
                ours16,
                sdk16,
                baseline(
                    "echo, 16 in flight",
                    "raw pipe",
                    b + "directRawPipePipelined16",
                    "thrpt",
                    NONE)));
    Group firstCall =
        new Group(
            "First call: pooled connection vs a new server process",
            "mcp-first-call",
            List.of(
                ours("pooled first call", b + "pooledFirstCall", "avgt", NONE),
                ours("cold spawn and initialize", b + "coldSpawnFirstCall", "avgt", NONE)));
    List<Goal> goals =
        List.of(
            Goals.throughputRatio("sequential vs the raw pipe", oursSeq, rawSeq, 0.9),
            Goals.throughputRatio("16 in flight vs the SDK's async client", ours16, sdk16, 1.5),
            Goals.allocationBelow(
                "allocation per call", "< 1 KiB/call", 1024, List.of(oursSeq, ours16)),
            Goals.originalLatency(1000, oursSeq),
            Goals.originalThroughput(50, oursSeq));
    return new Section(
        "MCP",
        "mcp",
        "`tools/call` of `echo` on the reference `server-everything` over stdio: our client, the"
            + " official MCP Java SDK's sync and async clients (each on its own server process), and a"
            + " raw pipe that writes requests and reads answer lines without parsing JSON.",
        List.of(sequential, inFlight, firstCall),
        goals);
  }

  private static Section endToEnd() {
    String b = "EndToEndBenchmark.";
    Variant chain = ours("discovery, A2A, MCP", b + "chain", "avgt", NONE);
    Variant direct =
        baseline(
            "same steps, bare parts",
            "list scan, HttpClient 5, raw pipe",
            b + "directChain",
            "avgt",
            NONE);
    Group group =
        new Group(
            "Discovery query, A2A message/send, MCP tools/call",
            "e2e-chain",
            List.of(chain, direct));
    List<Goal> goals =
        List.of(
            Goals.ratioWithoutGoal("chain vs the same steps with bare parts", chain, direct),
            Goals.originalLatency(5000, chain));
    return new Section(
        "End-to-end chain",
        "e2e",
        "The quickstart's chain on one thread, through a runtime with a node on 127.0.0.1: a"
            + " discovery query finds the node's own A2A agent, our A2A client sends it a"
            + " `discover-agents` message (the agent runs one query and returns a completed task),"
            + " and our pooled MCP client calls `echo` on `server-everything` over stdio. (The"
            + " quickstart itself queries over the node's HTTP API and reads a file through the MCP"
            + " filesystem server.) The baseline takes the same three steps with bare parts: a scan of a list of the same"
            + " records, a bare HttpClient 5 POST of the same JSON-RPC body to the same endpoint,"
            + " and a raw pipe to its own server process. The node runs in the benchmark's JVM, so"
            + " *alloc* includes the server's work for both rows. No goal is set for the chain, so"
            + " its ratio to the baseline is reported and not judged. The original runtime required"
            + " the whole chain to finish under 5 s. It also set per-step bounds (discovery 1 s,"
            + " A2A 2 s, MCP 3 s) that this benchmark does not measure one by one.",
        List.of(group),
        goals);
  }

  private static Section urn() {
    String b = "UrnBenchmark.";
    List<Group> groups = new ArrayList<>();
    int index = 1;
    for (String urn :
        List.of(
            "urn:agent:ai:ml-agent@1.0.0", "URN:Agent:Finance:Payments-Gateway@12.4.1-rc.2+b.77")) {
      Map<String, String> params = Map.of("urn", urn);
      groups.add(
          new Group(
              "Parse `" + urn + "`",
              "urn-parse-" + index++,
              List.of(
                  ours("AgentUrn.parse", b + "parseUrn", "avgt", params),
                  baseline("URI.create", "JDK", b + "directUriCreate", "avgt", params))));
    }
    return new Section(
        "Agent URNs",
        "urn",
        "Parsing agent URNs with the strict grammar, beside the JDK's generic `URI.create` of the same"
            + " string, which checks far less.",
        groups,
        List.of());
  }
}
