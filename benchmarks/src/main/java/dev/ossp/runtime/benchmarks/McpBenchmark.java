package dev.ossp.runtime.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.client.ClientResources;
import dev.ossp.runtime.mcp.internal.client.DefaultMcpConnector;
import dev.ossp.runtime.mcp.internal.pool.DefaultMcpPool;
import dev.ossp.runtime.mcp.internal.pool.PoolOptions;
import dev.ossp.runtime.pool.PoolSettings;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * MCP {@code tools/call} of {@code echo} on the reference server-everything over stdio. The
 * baseline is {@link RawPipe}: the same server started directly, requests written and answer lines
 * read on the benchmark thread without parsing, the least work any client can do.
 *
 * <p>The anchor is the official MCP Java SDK ({@code io.modelcontextprotocol.sdk:mcp-core} with its
 * Jackson 2 binding), with the default settings of its sync and async clients, each on its own
 * server process.
 *
 * <ul>
 *   <li>{@code echoSequential}, {@code sdkSyncSequential}, {@code sdkAsyncSequential} and {@code
 *       directRawPipeSequential}: one call at a time, in throughput and sample-time (p50, p99)
 *       modes.
 *   <li>{@code echoPipelined16}, {@code sdkAsyncPipelined16} and {@code directRawPipePipelined16}:
 *       16 calls sent before any answer is awaited; the score counts calls.
 *   <li>{@code pooledFirstCall} and {@code coldSpawnFirstCall}: time to the first answer on a
 *       connection taken from a warm pool, versus starting and initializing a new server.
 * </ul>
 *
 * <p>The servers must be installed: the mcp module's test build runs {@code npm ci} in {@code
 * mcp/src/test/node}. Run from the repository root, or set {@code -Dossp.mcp.node-dir} (pass it
 * with {@code -jvmArgsAppend}). {@code node} must be on the PATH.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class McpBenchmark {
  private static final String SERVER_ID = "everything";
  private static final McpToolCall ECHO =
      McpToolCall.builder("echo").argumentsJson("{\"message\":\"hi\"}").build();
  private static final int PIPELINE = 16;

  private ClientResources resources;
  private DefaultMcpConnector connector;
  private McpClient client;
  private DefaultMcpPool pool;
  private McpServerSpec spec;
  private RawPipe raw;
  private McpSyncClient sdkSync;
  private McpAsyncClient sdkAsync;
  private McpSchema.CallToolRequest sdkEcho;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    List<String> command = serverCommand();
    spec =
        McpServerSpec.stdio(
                SERVER_ID,
                command.get(0),
                command.subList(1, command.size()).toArray(String[]::new))
            .closeGracePeriod(Duration.ofMillis(100))
            .build();
    resources = ClientResources.defaults();
    connector =
        new DefaultMcpConnector(
            resources,
            ignored -> {
              throw new UnsupportedOperationException("stdio only");
            });
    client = connector.connect(spec).get(30, TimeUnit.SECONDS);
    pool =
        new DefaultMcpPool(
            connector,
            DefaultMcpPool.fixedLimits(PoolSettings.fixed("mcp", 4, 1, Duration.ofMinutes(5))),
            null,
            PoolOptions.DEFAULTS,
            Optional.empty(),
            new Random(1));
    pool.register(spec);
    pool.acquire(SERVER_ID).get(30, TimeUnit.SECONDS);
    raw = RawPipe.start(command);

    McpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
    sdkSync =
        io.modelcontextprotocol.client.McpClient.sync(sdkTransport(command, mapper))
            .requestTimeout(Duration.ofSeconds(10))
            .build();
    sdkSync.initialize();
    sdkAsync =
        io.modelcontextprotocol.client.McpClient.async(sdkTransport(command, mapper))
            .requestTimeout(Duration.ofSeconds(10))
            .build();
    sdkAsync.initialize().block(Duration.ofSeconds(30));
    sdkEcho = new McpSchema.CallToolRequest("echo", Map.of("message", "hi"));
  }

  private static StdioClientTransport sdkTransport(List<String> command, McpJsonMapper mapper) {
    return new StdioClientTransport(
        ServerParameters.builder(command.get(0)).args(command.subList(1, command.size())).build(),
        mapper);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    client.close();
    pool.close();
    raw.close();
    sdkSync.closeGracefully();
    sdkAsync.closeGracefully().block(Duration.ofSeconds(10));
    resources.close();
  }

  static List<String> serverCommand() {
    Path directory = Path.of(System.getProperty("ossp.mcp.node-dir", "mcp/src/test/node"));
    Path script =
        directory.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException(
          "server-everything is not installed at "
              + script.toAbsolutePath()
              + "; run the mcp module's tests once (they run npm ci) or set -Dossp.mcp.node-dir");
    }
    return List.of("node", script.toAbsolutePath().toString(), "stdio");
  }

  @Benchmark
  @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
  public McpToolResult echoSequential() throws Exception {
    return client.callTool(ECHO).get(10, TimeUnit.SECONDS);
  }

  @Benchmark
  @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
  public McpSchema.CallToolResult sdkSyncSequential() {
    return sdkSync.callTool(sdkEcho);
  }

  @Benchmark
  @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
  public McpSchema.CallToolResult sdkAsyncSequential() {
    return sdkAsync.callTool(sdkEcho).block(Duration.ofSeconds(10));
  }

  @Benchmark
  @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
  public String directRawPipeSequential() throws IOException {
    return raw.echo();
  }

  @Benchmark
  @OperationsPerInvocation(PIPELINE)
  public Object echoPipelined16() throws Exception {
    List<CompletableFuture<McpToolResult>> calls = new ArrayList<>(PIPELINE);
    for (int i = 0; i < PIPELINE; i++) {
      calls.add(client.callTool(ECHO));
    }
    McpToolResult last = null;
    for (CompletableFuture<McpToolResult> call : calls) {
      last = call.get(10, TimeUnit.SECONDS);
    }
    return last;
  }

  @Benchmark
  @OperationsPerInvocation(PIPELINE)
  public Object sdkAsyncPipelined16() throws Exception {
    List<CompletableFuture<McpSchema.CallToolResult>> calls = new ArrayList<>(PIPELINE);
    for (int i = 0; i < PIPELINE; i++) {
      calls.add(sdkAsync.callTool(sdkEcho).toFuture());
    }
    McpSchema.CallToolResult last = null;
    for (CompletableFuture<McpSchema.CallToolResult> call : calls) {
      last = call.get(10, TimeUnit.SECONDS);
    }
    return last;
  }

  @Benchmark
  @OperationsPerInvocation(PIPELINE)
  public String directRawPipePipelined16() throws IOException {
    return raw.echoPipelined(PIPELINE);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public McpToolResult pooledFirstCall() throws Exception {
    return pool.acquire(SERVER_ID)
        .get(10, TimeUnit.SECONDS)
        .callTool(ECHO)
        .get(10, TimeUnit.SECONDS);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public McpToolResult coldSpawnFirstCall() throws Exception {
    try (McpClient fresh = connector.connect(spec).get(30, TimeUnit.SECONDS)) {
      return fresh.callTool(ECHO).get(10, TimeUnit.SECONDS);
    }
  }

  /**
   * The baseline client: starts the server, performs the handshake, then writes requests and reads
   * answer lines on the calling thread, matching answers by the text {@code "id":N} without parsing
   * JSON.
   */
  static final class RawPipe implements AutoCloseable {
    private final Process process;
    private final OutputStream stdin;
    private final BufferedReader stdout;
    private long nextId = 1;

    private RawPipe(Process process) {
      this.process = process;
      this.stdin = process.getOutputStream();
      this.stdout =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
    }

    static RawPipe start(List<String> command) throws IOException {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      RawPipe pipe = new RawPipe(process);
      long id = pipe.nextId++;
      pipe.write(
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + id
              + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
              + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
      pipe.flush();
      pipe.awaitAnswers(1);
      pipe.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      pipe.flush();
      return pipe;
    }

    String echo() throws IOException {
      long id = nextId++;
      write(request(id));
      flush();
      return awaitAnswers(1);
    }

    String echoPipelined(int count) throws IOException {
      for (int i = 0; i < count; i++) {
        write(request(nextId++));
      }
      flush();
      return awaitAnswers(count);
    }

    private static String request(long id) {
      return "{\"jsonrpc\":\"2.0\",\"id\":"
          + id
          + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
          + "\"arguments\":{\"message\":\"hi\"}}}";
    }

    private void write(String line) throws IOException {
      stdin.write(line.getBytes(StandardCharsets.UTF_8));
      stdin.write('\n');
    }

    private void flush() throws IOException {
      stdin.flush();
    }

    /** Reads lines until {@code count} answers arrived; returns the last answer line. */
    private String awaitAnswers(int count) throws IOException {
      int answered = 0;
      String line = "";
      while (answered < count) {
        line = stdout.readLine();
        if (line == null) {
          throw new IOException("server-everything closed its stdout");
        }
        if (line.contains("\"id\":") && !line.contains("\"method\"")) {
          answered++;
        }
      }
      return line;
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
