package dev.ossp.runtime.benchmarks;

import dev.ossp.runtime.a2a.A2aClient;
import dev.ossp.runtime.a2a.A2aProtocol;
import dev.ossp.runtime.a2a.A2aTarget;
import dev.ossp.runtime.a2a.AgentCard;
import dev.ossp.runtime.a2a.DataPart;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.SendOptions;
import dev.ossp.runtime.a2a.SendResult;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.TaskState;
import dev.ossp.runtime.a2a.internal.protocol.Dialect;
import dev.ossp.runtime.a2a.internal.protocol.Json;
import dev.ossp.runtime.a2a.internal.protocol.JsonRpc;
import dev.ossp.runtime.a2a.internal.protocol.Operation;
import dev.ossp.runtime.a2a.internal.protocol.V03Dialect;
import dev.ossp.runtime.a2a.internal.protocol.V10Dialect;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.discovery.QueryResult;
import dev.ossp.runtime.mcp.McpPool;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.McpToolResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The chain of the quickstart on one thread: a discovery query finds the node's own A2A agent, an
 * A2A message is sent to it, and the reference server-everything echoes a message over MCP.
 *
 * <ul>
 *   <li>{@code chain}: through a running runtime with a node on 127.0.0.1. The steps are {@link
 *       AgentRegistry#query} (served from the result cache after the first call), {@link
 *       A2aClient#sendMessage} to the found agent's URN (card from discovery, circuit breaker,
 *       retry rules, HttpClient 5 pool), and {@link McpPool#callTool} of {@code echo} on a warm
 *       pooled connection.
 *   <li>{@code directChain}: the baseline, the same three steps with bare parts. It scans a list of
 *       the same records, POSTs the same JSON-RPC body to the same endpoint with a bare pooled
 *       HttpClient 5, and writes to and reads from its own server-everything process as the raw
 *       pipe of {@link McpBenchmark} does.
 * </ul>
 *
 * <p>Unlike the quickstart, which queries over the node's HTTP API and reads a file through the MCP
 * filesystem server, the chain queries the registry API in-process and calls {@code echo}, so the
 * MCP step matches {@link McpBenchmark}.
 *
 * <p>Both send the node agent a {@code discover-agents} request for domain {@value #OWN_DOMAIN}
 * with limit 1, so the agent runs one discovery query and returns a completed task containing its
 * own card. Besides the node's card, the registry contains {@value #OTHER_AGENTS} agents of {@link
 * DiscoveryBenchmark}, and nothing sends requests to their URLs. The node serves the A2A requests
 * in the benchmark's JVM, so the GC profiler's allocation per operation includes the server's work,
 * for both variants.
 *
 * <p>Needs node and the installed server-everything, as {@link McpBenchmark} does: run from the
 * repository root or set {@code -Dossp.mcp.node-dir}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EndToEndBenchmark {
  /** The domain the node's own card is registered in, as the quickstart does. */
  static final String OWN_DOMAIN = "ossp";

  /** How many agents besides the node's own the registry contains. */
  static final int OTHER_AGENTS = 1000;

  private static final String SKILL = "discover-agents";
  private static final String SERVER_ID = "everything";
  private static final McpToolCall ECHO =
      McpToolCall.builder("echo").argumentsJson("{\"message\":\"hi\"}").build();
  private static final AgentQuery QUERY =
      AgentQuery.builder().domain(OWN_DOMAIN).capabilities(SKILL).limit(1).build();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final List<Path> directories = new ArrayList<>();
  private OsspRuntime runtime;
  private AgentRegistry registry;
  private A2aClient a2a;
  private McpPool pool;

  private List<AgentRecord> records;
  private CloseableHttpClient bareClient;
  private URI endpoint;
  private String protocolVersion;
  private String rpcBody;
  private McpBenchmark.RawPipe raw;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    try {
      startRuntime();
      List<String> command = McpBenchmark.serverCommand();
      registerAgentsAndServer(command);
      prepareBaseline(command);
      check();
    } catch (Exception | Error e) {
      // JMH skips the teardown after a failed setup, so nothing started may outlive it.
      try {
        tearDown();
      } catch (Exception cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private void startRuntime() throws IOException {
    Path data = Files.createTempDirectory("ossp-e2e-bench");
    directories.add(data);
    runtime =
        OsspRuntime.builder()
            .environment(Map.of())
            .systemProperties(new Properties())
            .set("node.enabled", true)
            .set("node.host", "127.0.0.1")
            .set("node.port", 0)
            .set("runtime.data-dir", data.toString())
            .set("runtime.shutdown-hook", false)
            .set("strategies.registry-store", "memory")
            .build();
    runtime.start();
    registry = runtime.instance(AgentRegistry.class);
    a2a = runtime.instance(A2aClient.class);
    pool = runtime.instance(McpPool.class);
  }

  /** Registers the other agents and the node's own card, and warms a pooled MCP connection. */
  private void registerAgentsAndServer(List<String> command) throws Exception {
    for (int i = 0; i < OTHER_AGENTS; i++) {
      registry.register(DiscoveryBenchmark.registration(i));
    }
    AgentCard card = a2a.card(A2aTarget.baseUrl(runtime.node().baseUri()));
    registry.upsert(AgentRegistration.builder(card.json()).domain(OWN_DOMAIN).build());

    pool.register(
        McpServerSpec.stdio(
                SERVER_ID,
                command.get(0),
                command.subList(1, command.size()).toArray(String[]::new))
            .closeGracePeriod(Duration.ofMillis(100))
            .build());
    pool.acquire(SERVER_ID).get(30, TimeUnit.SECONDS);
  }

  /**
   * Copies the records for the linear scan, writes the JSON-RPC body in the protocol version our
   * client picks for the agent, and starts the bare HTTP client and the raw pipe's server.
   */
  private void prepareBaseline(List<String> command) throws IOException {
    records = List.copyOf(registry.list());
    List<AgentRecord> found = directDiscover().agents();
    if (found.isEmpty()) {
      throw new IllegalStateException(
          "the node's own agent card with skill "
              + SKILL
              + " is missing from the registry; check that a2a.agent.enabled is true");
    }
    A2aProtocol protocol = a2a.protocol(A2aTarget.urn(found.get(0).urn()));
    Dialect dialect = protocol == A2aProtocol.V1_0 ? V10Dialect.INSTANCE : V03Dialect.INSTANCE;
    protocolVersion = protocol.version();
    endpoint = runtime.node().baseUri().resolve("/a2a/jsonrpc");
    rpcBody =
        Json.write(
            JsonRpc.request(
                dialect.method(Operation.SEND),
                dialect.sendParams(message(), SendOptions.defaults())));
    bareClient =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(4)
                    .setMaxConnPerRoute(4)
                    .build())
            .build();
    raw = McpBenchmark.RawPipe.start(command);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    try {
      if (raw != null) {
        raw.close();
      }
      if (bareClient != null) {
        bareClient.close(CloseMode.GRACEFUL);
      }
      if (runtime != null) {
        runtime.close();
      }
    } finally {
      DiscoveryBenchmark.deleteAll(directories);
    }
  }

  @Benchmark
  public void chain(Blackhole blackhole) throws Exception {
    AgentRecord agent = discover();
    blackhole.consume(send(agent));
    blackhole.consume(echo());
  }

  @Benchmark
  public void directChain(Blackhole blackhole) throws IOException {
    blackhole.consume(directDiscover());
    blackhole.consume(directSend());
    blackhole.consume(raw.echo());
  }

  /** Finds the node's agent through the registry API. */
  private AgentRecord discover() {
    QueryResult result = registry.query(QUERY);
    if (result.agents().isEmpty()) {
      throw new IllegalStateException("discovery found no agent in domain " + OWN_DOMAIN);
    }
    return result.agents().get(0);
  }

  private SendResult send(AgentRecord agent) {
    return a2a.sendMessage(A2aTarget.urn(agent.urn()), message(), SendOptions.defaults());
  }

  private McpToolResult echo() throws Exception {
    return pool.callTool(SERVER_ID, ECHO).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private QueryResult directDiscover() {
    return DiscoveryBenchmark.directScan(records, OWN_DOMAIN, SKILL, 1);
  }

  /** Posts the prepared JSON-RPC body and returns the response body without parsing it. */
  private String directSend() throws IOException {
    HttpPost post = new HttpPost(endpoint);
    post.setHeader("Accept", "application/json");
    post.setHeader("A2A-Version", protocolVersion);
    post.setEntity(new StringEntity(rpcBody, ContentType.APPLICATION_JSON));
    return bareClient.execute(
        post, (ClassicHttpResponse response) -> EntityUtils.toString(response.getEntity()));
  }

  /** Builds the message to the node agent: a data part naming the skill and its query. */
  private static Message message() {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("skill", SKILL);
    query.put("domain", OWN_DOMAIN);
    query.put("limit", 1);
    return Message.user(List.of(DataPart.of(query)));
  }

  /** Fails the setup unless both variants find the agent, get a completed task and an echo. */
  private void check() throws Exception {
    SendResult reply = send(discover());
    if (!(reply instanceof Task task) || task.state() != TaskState.COMPLETED) {
      throw new IllegalStateException("the node agent did not complete the task: " + reply);
    }
    McpToolResult echo = echo();
    if (echo.isError() || !echo.text().contains("hi")) {
      throw new IllegalStateException("the echo failed: " + echo.text());
    }
    if (directDiscover().agents().isEmpty()) {
      throw new IllegalStateException("the linear scan found no agent in domain " + OWN_DOMAIN);
    }
    String response = directSend();
    if (response.contains("\"error\"") || !response.contains("\"result\"")) {
      throw new IllegalStateException("the bare POST returned no JSON-RPC result: " + response);
    }
    String rawEcho = raw.echo();
    if (!rawEcho.contains("hi")) {
      throw new IllegalStateException("the raw pipe's echo failed: " + rawEcho);
    }
  }
}
