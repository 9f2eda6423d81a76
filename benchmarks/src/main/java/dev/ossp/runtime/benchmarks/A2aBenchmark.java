package dev.ossp.runtime.benchmarks;

import dev.ossp.runtime.a2a.AgentHttpClient;
import dev.ossp.runtime.a2a.AgentResponse;
import dev.ossp.runtime.a2a.CallOptions;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.urn.AgentUrn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One loopback GET round trip to a local Jetty 12 server that returns a 64-byte JSON body, three
 * ways: through the full agent client of a running runtime (URN resolved through discovery, the
 * target's circuit breaker and retry rules, header merging, metrics facade, HttpClient 5 pool),
 * through a bare Apache HttpClient 5 with a pooling connection manager (the baseline the full stack
 * is held to), and through the JDK's {@code java.net.http.HttpClient} over HTTP/1.1. Each runs on
 * one thread and on 16 threads. The runtime has no metrics component on this classpath, so the
 * metrics facade is the no-op one.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class A2aBenchmark {
  private static final byte[] BODY =
      "{\"status\":\"ok\",\"agent\":\"bench\",\"padding\":\"0123456789abcdef0123\"}"
          .getBytes(StandardCharsets.UTF_8);
  private static final AgentUrn URN = AgentUrn.parse("urn:agent:bench:loopback@1.0.0");

  private Server server;
  private URI url;
  private Path dataDirectory;
  private OsspRuntime runtime;
  private AgentHttpClient fullStack;
  private CloseableHttpClient bareClient;
  private HttpClient jdkClient;
  private HttpRequest jdkRequest;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(64, 8);
    threads.setDaemon(true);
    server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract.NonBlocking() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            response.getHeaders().put("Content-Type", "application/json");
            response.getHeaders().put("Content-Length", BODY.length);
            response.write(true, ByteBuffer.wrap(BODY), callback);
            return true;
          }
        });
    server.start();
    url = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/v1/status");

    dataDirectory = Files.createTempDirectory("ossp-a2a-bench");
    runtime =
        OsspRuntime.builder()
            .environment(Map.of())
            .systemProperties(new Properties())
            .set("node.enabled", false)
            .set("runtime.data-dir", dataDirectory.toString())
            .set("runtime.shutdown-hook", false)
            .set("a2a.pool.max-per-route", 32)
            .set("a2a.pool.max-per-route-ceiling", 64)
            .set("discovery.store.file.fsync", "batch")
            .build();
    runtime.start();
    String card =
        "{\"name\":\"loopback\",\"version\":\"1.0.0\",\"supportedInterfaces\":[{\"url\":\"http://127.0.0.1:"
            + connector.getLocalPort()
            + "\",\"protocolBinding\":\"HTTP+JSON\",\"protocolVersion\":\"1.0\"}]}";
    runtime.instance(AgentRegistry.class).register(AgentRegistration.of(URN, card));
    fullStack = runtime.instance(AgentHttpClient.class);

    bareClient =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(64)
                    .setMaxConnPerRoute(32)
                    .build())
            .build();
    jdkClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    jdkRequest = HttpRequest.newBuilder(url).GET().build();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    runtime.close();
    bareClient.close(CloseMode.GRACEFUL);
    server.stop();
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private byte[] fullStackCall() {
    AgentResponse response = fullStack.request(URN, "/v1/status", CallOptions.get());
    return response.body();
  }

  private byte[] bareCall() throws IOException {
    return bareClient.execute(
        new HttpGet(url),
        (ClassicHttpResponse response) -> EntityUtils.toByteArray(response.getEntity()));
  }

  private byte[] jdkCall() throws IOException, InterruptedException {
    return jdkClient.send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray()).body();
  }

  @Benchmark
  @Threads(1)
  public byte[] fullStackSequential() {
    return fullStackCall();
  }

  @Benchmark
  @Threads(1)
  public byte[] directHttpClient5Sequential() throws IOException {
    return bareCall();
  }

  @Benchmark
  @Threads(1)
  public byte[] directJdkHttpClientSequential() throws IOException, InterruptedException {
    return jdkCall();
  }

  @Benchmark
  @Threads(16)
  public byte[] fullStackConcurrent16() {
    return fullStackCall();
  }

  @Benchmark
  @Threads(16)
  public byte[] directHttpClient5Concurrent16() throws IOException {
    return bareCall();
  }

  @Benchmark
  @Threads(16)
  public byte[] directJdkHttpClientConcurrent16() throws IOException, InterruptedException {
    return jdkCall();
  }
}
