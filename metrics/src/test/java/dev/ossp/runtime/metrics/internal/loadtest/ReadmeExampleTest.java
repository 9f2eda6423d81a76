package dev.ossp.runtime.metrics.internal.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.metrics.loadtest.LoadMode;
import dev.ossp.runtime.metrics.loadtest.LoadOperation;
import dev.ossp.runtime.metrics.loadtest.LoadScenario;
import dev.ossp.runtime.metrics.loadtest.LoadTestConfig;
import dev.ossp.runtime.metrics.loadtest.LoadTestReport;
import dev.ossp.runtime.metrics.loadtest.LoadTester;
import dev.ossp.runtime.metrics.loadtest.PerformanceTarget;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the load-test example of the module README, line for line. */
class ReadmeExampleTest {
  @Test
  void readmeLoadTestExampleRuns() throws Exception {
    try (LatencyServer server = new LatencyServer(Duration.ofMillis(2))) {
      // given an operation, as a caller provides it
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest request = HttpRequest.newBuilder(server.uri()).build();
      LoadOperation operation = () -> client.send(request, HttpResponse.BodyHandlers.discarding());

      // when (the README's lines)
      LoadTester tester = LoadTester.load();
      LoadTestConfig config =
          LoadTestConfig.builder()
              .mode(LoadMode.OPEN_LOOP)
              .targetRate(50)
              .concurrency(4)
              .warmup(Duration.ofMillis(200))
              .duration(Duration.ofSeconds(1))
              .build();
      LoadScenario scenario =
          LoadScenario.of("discovery-query", operation).withTarget(PerformanceTarget.DISCOVERY);
      LoadTestReport report =
          tester.run(config, List.of(scenario), tester.consoleProgress(System.err));
      String text = tester.toText(report);
      String json = tester.toJson(report);

      // then
      assertThat(report.scenarios().get(0).requests()).isEqualTo(50);
      assertThat(text).contains("discovery-query");
      assertThat(json).contains("\"coordinatedOmissionCorrected\" : true");
    }
  }
}
