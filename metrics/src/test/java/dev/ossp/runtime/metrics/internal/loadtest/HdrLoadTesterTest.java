package dev.ossp.runtime.metrics.internal.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.metrics.internal.report.JsonSupport;
import dev.ossp.runtime.metrics.loadtest.LoadMode;
import dev.ossp.runtime.metrics.loadtest.LoadOperation;
import dev.ossp.runtime.metrics.loadtest.LoadProgress;
import dev.ossp.runtime.metrics.loadtest.LoadScenario;
import dev.ossp.runtime.metrics.loadtest.LoadTestConfig;
import dev.ossp.runtime.metrics.loadtest.LoadTestReport;
import dev.ossp.runtime.metrics.loadtest.LoadTester;
import dev.ossp.runtime.metrics.loadtest.PerformanceTarget;
import dev.ossp.runtime.metrics.loadtest.ScenarioResult;
import dev.ossp.runtime.metrics.loadtest.StopReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the engine against a real local HTTP server whose latency is known. Tolerances allow for a
 * loaded two-core machine: throughput may fall short of the ideal by up to 40%, but never exceed
 * it, because each request takes at least the server's latency.
 */
class HdrLoadTesterTest {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final LoadTester tester = new HdrLoadTester();
  private LatencyServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void closedLoopMatchesServerLatencyAndThroughput() throws Exception {
    // given a server that responds in 20 ms and 4 workers: at most 200 requests per second
    server = new LatencyServer(Duration.ofMillis(20));
    LoadTestConfig config =
        LoadTestConfig.builder()
            .concurrency(4)
            .warmup(Duration.ofMillis(300))
            .duration(Duration.ofMillis(1500))
            .build();

    // when
    ScenarioResult result = runOne(config, LoadScenario.of("get", get(server.uri())));

    // then
    assertThat(result.failed()).isZero();
    assertThat(result.throughput()).isBetween(120.0, 200.0);
    assertThat(result.requests())
        .isCloseTo((long) (result.throughput() * result.elapsed().toNanos() / 1e9), within(1));
    assertThat(result.latency().min()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    assertThat(result.latency().p50()).isBetween(Duration.ofMillis(20), Duration.ofMillis(35));
    assertThat(result.latency().p99()).isLessThan(Duration.ofMillis(150));
    assertThat(result.serviceTime()).isEmpty();
    assertThat(result.stopReason()).isEqualTo(StopReason.DURATION);
    assertThat(result.elapsed()).isBetween(Duration.ofMillis(1500), Duration.ofMillis(1700));
  }

  @Test
  void openLoopHoldsTargetRate() throws Exception {
    // given 100 requests per second for 1.5 s against a 10 ms server
    server = new LatencyServer(Duration.ofMillis(10));
    LoadTestConfig config =
        LoadTestConfig.builder()
            .mode(LoadMode.OPEN_LOOP)
            .targetRate(100)
            .concurrency(4)
            .warmup(Duration.ZERO)
            .duration(Duration.ofMillis(1500))
            .build();

    // when
    ScenarioResult result = runOne(config, LoadScenario.of("get", get(server.uri())));

    // then 150 requests were scheduled, at 100 per second within 10%
    assertThat(result.requests()).isEqualTo(150);
    assertThat(result.throughput()).isBetween(90.0, 110.0);
    assertThat(result.latency().p50()).isBetween(Duration.ofMillis(10), Duration.ofMillis(30));
    assertThat(result.serviceTime()).isPresent();
  }

  @Test
  void openLoopCorrectsCoordinatedOmission() throws Exception {
    // given one worker at 50 requests per second and a server that stalls 500 ms once
    server = new LatencyServer(Duration.ofMillis(2), 20, Duration.ofMillis(500));
    LoadTestConfig config =
        LoadTestConfig.builder()
            .mode(LoadMode.OPEN_LOOP)
            .targetRate(50)
            .concurrency(1)
            .warmup(Duration.ZERO)
            .duration(Duration.ofSeconds(2))
            .build();

    // when
    ScenarioResult result = runOne(config, LoadScenario.of("get", get(server.uri())));

    // then the raw service times hide the stall below p99, the corrected latencies do not: the
    // stall held back about 24 requests scheduled every 20 ms
    assertThat(result.serviceTime().orElseThrow().p90()).isLessThan(Duration.ofMillis(50));
    assertThat(result.serviceTime().orElseThrow().max()).isGreaterThan(Duration.ofMillis(490));
    assertThat(result.latency().count()).isGreaterThan(result.requests() + 15);
    assertThat(result.latency().p90()).isGreaterThan(Duration.ofMillis(100));
  }

  @Test
  void requestLimitStopsMeasuredPhase() throws Exception {
    // given
    server = new LatencyServer(Duration.ofMillis(1));
    LoadTestConfig config =
        LoadTestConfig.builder()
            .concurrency(3)
            .warmup(Duration.ZERO)
            .duration(Duration.ofSeconds(10))
            .maxRequests(50)
            .build();

    // when
    ScenarioResult result = runOne(config, LoadScenario.of("get", get(server.uri())));

    // then
    assertThat(result.requests()).isEqualTo(50);
    assertThat(server.requests()).isEqualTo(50);
    assertThat(result.stopReason()).isEqualTo(StopReason.MAX_REQUESTS);
    assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void failuresAreCountedByErrorKind() throws Exception {
    // given every third call times out and every fifth hits a network error
    AtomicLong calls = new AtomicLong();
    LoadOperation flaky =
        () -> {
          long call = calls.incrementAndGet();
          if (call % 3 == 0) {
            throw new OsspException(ErrorKind.TIMEOUT, "peer did not respond");
          }
          if (call % 5 == 0) {
            throw new IOException("connection reset");
          }
        };
    LoadTestConfig config =
        LoadTestConfig.builder().concurrency(1).warmup(Duration.ZERO).maxRequests(30).build();

    // when
    ScenarioResult result = runOne(config, LoadScenario.of("flaky", flaky));

    // then calls 3,6,..,30 time out (10) and 5,10,20,25 fail on the network (4; 15 and 30 time out)
    assertThat(result.failures()).containsEntry(ErrorKind.TIMEOUT, 10L);
    assertThat(result.failures()).containsEntry(ErrorKind.NETWORK, 4L);
    assertThat(result.successes()).isEqualTo(16);
  }

  @Test
  void stuckRequestsAreInterruptedAndRunEnds() throws Exception {
    // given calls that would block for a minute
    LoadOperation stuck = () -> Thread.sleep(Duration.ofMinutes(1).toMillis());
    LoadTestConfig config =
        LoadTestConfig.builder()
            .concurrency(2)
            .warmup(Duration.ZERO)
            .duration(Duration.ofMillis(200))
            .drainTimeout(Duration.ofMillis(200))
            .build();
    long start = System.nanoTime();

    // when
    ScenarioResult result = runOne(config, LoadScenario.of("stuck", stuck));

    // then
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(result.interrupted()).isEqualTo(2);
    assertThat(result.requests()).isZero();
  }

  @Test
  void targetComparisonJudgesLatencyAndThroughput() throws Exception {
    // given a 5 ms server, far below the A2A latency target but far from its 100 req/s with one
    // worker at a 10 per second rate
    server = new LatencyServer(Duration.ofMillis(5));
    LoadTestConfig config =
        LoadTestConfig.builder()
            .mode(LoadMode.OPEN_LOOP)
            .targetRate(10)
            .concurrency(1)
            .warmup(Duration.ZERO)
            .duration(Duration.ofMillis(500))
            .build();
    LoadScenario scenario =
        LoadScenario.of("a2a", get(server.uri())).withTarget(PerformanceTarget.A2A);

    // when
    ScenarioResult result = runOne(config, scenario);

    // then
    assertThat(result.comparison()).isPresent();
    assertThat(result.comparison().get().latencyMet()).isTrue();
    assertThat(result.comparison().get().throughputMet()).isFalse();
  }

  @Test
  void reportRendersAsTextAndJson() throws Exception {
    // given
    server = new LatencyServer(Duration.ofMillis(1));
    LoadTestConfig config =
        LoadTestConfig.builder().concurrency(2).warmup(Duration.ZERO).maxRequests(20).build();
    LoadScenario scenario =
        LoadScenario.of("discovery-query", get(server.uri()))
            .withTarget(PerformanceTarget.DISCOVERY);
    LoadTestReport report = tester.run(config, List.of(scenario));

    // when
    String text = tester.toText(report);
    JsonNode json = JsonSupport.MAPPER.readTree(tester.toJson(report));

    // then
    assertThat(text)
        .contains("Scenario discovery-query", "requests 20", "p99.9", "target discovery");
    JsonNode result = json.path("scenarios").get(0);
    assertThat(result.path("requests").asLong()).isEqualTo(20);
    assertThat(result.path("latencyMs").path("p999").isNumber()).isTrue();
    assertThat(result.path("target").path("memoryMeasured").asBoolean()).isFalse();
    assertThat(json.path("config").path("mode").asText()).isEqualTo("CLOSED_LOOP");
  }

  @Test
  void listenerHearsWarmupAndMeasuredProgress() throws Exception {
    // given
    server = new LatencyServer(Duration.ofMillis(1));
    List<LoadProgress> reports = new CopyOnWriteArrayList<>();
    LoadTestConfig config =
        LoadTestConfig.builder()
            .concurrency(1)
            .warmup(Duration.ofMillis(200))
            .duration(Duration.ofMillis(300))
            .progressInterval(Duration.ofMillis(100))
            .build();
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(terminal, true, StandardCharsets.UTF_8);

    // when
    tester.run(
        config,
        List.of(LoadScenario.of("get", get(server.uri()))),
        progress -> {
          reports.add(progress);
          tester.consoleProgress(console).onProgress(progress);
        });

    // then
    assertThat(reports).anyMatch(LoadProgress::warmup);
    assertThat(reports).anyMatch(progress -> !progress.warmup() && progress.requests() > 0);
    assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("\rget", "measure", "warm-up");
  }

  @Test
  void runRejectsDuplicateScenarioNames() {
    LoadScenario first = LoadScenario.of("same", () -> {});
    LoadScenario second = LoadScenario.of("same", () -> {});

    assertThatThrownBy(() -> tester.run(LoadTestConfig.defaults(), List.of(first, second)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scenario name 'same' is used twice");
  }

  @Test
  void configRejectsConflictingOptions() {
    assertThatThrownBy(() -> LoadTestConfig.builder().mode(LoadMode.OPEN_LOOP).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a targetRate");
    assertThatThrownBy(() -> LoadTestConfig.builder().targetRate(10).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be set");
    assertThatThrownBy(() -> LoadTestConfig.builder().concurrency(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("concurrency must be in 1..1024, was 0");
  }

  @Test
  void serviceLoaderFindsEngine() {
    assertThat(LoadTester.load()).isInstanceOf(HdrLoadTester.class);
  }

  private ScenarioResult runOne(LoadTestConfig config, LoadScenario scenario)
      throws InterruptedException {
    LoadTestReport report = tester.run(config, List.of(scenario));
    assertThat(report.scenarios()).hasSize(1);
    return report.scenarios().get(0);
  }

  private LoadOperation get(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
    return () -> {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new OsspException(ErrorKind.SERVER, "status " + response.statusCode());
      }
    };
  }

  private static org.assertj.core.data.Offset<Long> within(long offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }
}
