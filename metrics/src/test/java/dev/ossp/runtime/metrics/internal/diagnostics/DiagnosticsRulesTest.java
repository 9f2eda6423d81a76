package dev.ossp.runtime.metrics.internal.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.metrics.DiagnosticsReport;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import dev.ossp.runtime.metrics.MetricCatalog;
import dev.ossp.runtime.metrics.Recommendation;
import dev.ossp.runtime.metrics.Severity;
import dev.ossp.runtime.metrics.Tags;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import dev.ossp.runtime.metrics.internal.registry.ManualClock;
import dev.ossp.runtime.metrics.internal.report.JsonSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DiagnosticsRulesTest {
  /**
   * The default thresholds, except that the heap rule allows 100%. The test JVM's real heap then
   * never fires it, because the heap rule has its own test.
   */
  private static final DiagnosticsThresholds DEFAULTS =
      withHeap(DiagnosticsThresholds.defaults(), 1.0);

  private final DropwizardMetrics metrics =
      new DropwizardMetrics(Duration.ofSeconds(60), 6, new ManualClock());

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(
            "discovery-latency-p95",
            recordTimes(MetricCatalog.DISCOVERY_QUERY_LATENCY.name(), 20, 150),
            recordTimes(MetricCatalog.DISCOVERY_QUERY_LATENCY.name(), 20, 90)),
        Arguments.of(
            "discovery-latency-p95",
            recordTimes(MetricCatalog.DISCOVERY_QUERY_LATENCY.name(), 20, 150),
            recordTimes(MetricCatalog.DISCOVERY_QUERY_LATENCY.name(), 19, 150)),
        Arguments.of(
            "a2a-latency-p95",
            recordTimes(MetricCatalog.A2A_REQUEST_LATENCY.name(), 50, 600),
            recordTimes(MetricCatalog.A2A_REQUEST_LATENCY.name(), 50, 450)),
        Arguments.of(
            "mcp-latency-p95",
            recordTimes(MetricCatalog.MCP_CALL_LATENCY.name(), 50, 1200),
            recordTimes(MetricCatalog.MCP_CALL_LATENCY.name(), 50, 900)),
        Arguments.of("discovery-cache-hit-rate", cache(29, 71), cache(30, 70)),
        Arguments.of("discovery-cache-hit-rate", cache(29, 71), cache(0, 99)),
        Arguments.of("a2a-open-breakers", breaker(MetricCatalog.BREAKER_OPEN), breaker(1)),
        Arguments.of(
            "a2a-open-breakers",
            breaker(MetricCatalog.BREAKER_FORCED_OPEN),
            breaker(MetricCatalog.BREAKER_CLOSED)),
        Arguments.of(
            "a2a-success-rate",
            outcomes(MetricCatalog.A2A_REQUESTS.name(), 79, 21),
            outcomes(MetricCatalog.A2A_REQUESTS.name(), 80, 20)),
        Arguments.of(
            "a2a-success-rate",
            outcomes(MetricCatalog.A2A_REQUESTS.name(), 79, 21),
            outcomes(MetricCatalog.A2A_REQUESTS.name(), 0, 99)),
        Arguments.of(
            "mcp-success-rate",
            outcomes(MetricCatalog.MCP_CALLS.name(), 10, 190),
            outcomes(MetricCatalog.MCP_CALLS.name(), 190, 10)),
        Arguments.of("mcp-restarts", restarts(4), restarts(3)),
        Arguments.of("retry-budget-rejections", budgetRejections(1), budgetRejections(0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void ruleFiresOnlyWhenThresholdIsCrossed(
      String rule, Consumer<DropwizardMetrics> crossing, Consumer<DropwizardMetrics> within) {
    // given
    DropwizardMetrics crossed = new DropwizardMetrics(Duration.ofSeconds(60), 6, new ManualClock());
    DropwizardMetrics notCrossed =
        new DropwizardMetrics(Duration.ofSeconds(60), 6, new ManualClock());
    crossing.accept(crossed);
    within.accept(notCrossed);

    // when
    List<Recommendation> fired = report(crossed, DEFAULTS).recommendations();
    List<Recommendation> silent = report(notCrossed, DEFAULTS).recommendations();

    // then
    assertThat(fired).extracting(Recommendation::rule).contains(rule);
    assertThat(silent).extracting(Recommendation::rule).doesNotContain(rule);
  }

  @Test
  void recommendationCarriesObservedValueThresholdAndAction() {
    // given
    recordTimes(MetricCatalog.DISCOVERY_QUERY_LATENCY.name(), 40, 150).accept(metrics);

    // when
    Recommendation recommendation = only(report(metrics, DEFAULTS).recommendations());

    // then
    assertThat(recommendation.severity()).isEqualTo(Severity.WARNING);
    assertThat(recommendation.component()).isEqualTo("discovery");
    assertThat(recommendation.observed()).isBetween(149.0, 151.5);
    assertThat(recommendation.threshold()).isEqualTo(100.0);
    assertThat(recommendation.unit()).isEqualTo("ms");
    assertThat(recommendation.action()).contains("cache");
  }

  @Test
  void configuredThresholdReplacesDefault() {
    // given discovery at 150 ms, which the default of 100 ms flags
    recordTimes(MetricCatalog.DISCOVERY_QUERY_LATENCY.name(), 40, 150).accept(metrics);
    DiagnosticsThresholds relaxed =
        new DiagnosticsThresholds(
            Duration.ofMillis(200),
            DEFAULTS.a2aLatencyP95(),
            DEFAULTS.mcpLatencyP95(),
            DEFAULTS.latencyMinSamples(),
            DEFAULTS.cacheHitRateMin(),
            DEFAULTS.cacheMinLookups(),
            DEFAULTS.openBreakersMax(),
            DEFAULTS.mcpRestartsMax(),
            DEFAULTS.heapUsageMax(),
            DEFAULTS.successRateMin(),
            DEFAULTS.successMinCalls(),
            DEFAULTS.budgetRejectionsMax());

    // when / then
    assertThat(report(metrics, relaxed).recommendations()).isEmpty();
  }

  @Test
  void heapRuleFiresOnlyAboveConfiguredShare() {
    // given
    DiagnosticsThresholds anyHeap = withHeapUsageMax(0.0);
    DiagnosticsThresholds fullHeap = withHeapUsageMax(1.0);

    // when
    List<Recommendation> fired = report(metrics, anyHeap).recommendations();
    List<Recommendation> silent = report(metrics, fullHeap).recommendations();

    // then
    assertThat(fired).extracting(Recommendation::rule).containsExactly("jvm-heap-usage");
    assertThat(silent).isEmpty();
  }

  @Test
  void emptyRegistryProducesNoRecommendations() {
    assertThat(report(metrics, DEFAULTS).recommendations()).isEmpty();
  }

  @Test
  void recommendationsAreSortedBySeverity() {
    // given an info, a warning and an error
    budgetRejections(5).accept(metrics);
    restarts(9).accept(metrics);
    breaker(MetricCatalog.BREAKER_OPEN).accept(metrics);

    // when
    List<Recommendation> recommendations = report(metrics, DEFAULTS).recommendations();

    // then
    assertThat(recommendations)
        .extracting(Recommendation::severity)
        .containsExactly(Severity.ERROR, Severity.WARNING, Severity.INFO);
  }

  @Test
  void failingSourceIsReportedDown() {
    // given
    DiagnosticsSource broken =
        new DiagnosticsSource() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public ComponentHealth health() {
            throw new IllegalStateException("no health today");
          }
        };
    DefaultDiagnostics diagnostics =
        new DefaultDiagnostics(metrics, () -> List.of(broken), DEFAULTS, new SystemProbe());

    // when
    DiagnosticsReport report = diagnostics.report();

    // then
    assertThat(report.components()).hasSize(1);
    assertThat(report.components().get(0).health().message()).contains("no health today");
  }

  @Test
  void reportRendersAsJson() throws Exception {
    // given
    DiagnosticsSource source =
        new DiagnosticsSource() {
          @Override
          public String name() {
            return "discovery";
          }

          @Override
          public ComponentHealth health() {
            return ComponentHealth.up().withDetail("agents", 3);
          }

          @Override
          public Map<String, Object> stats() {
            return Map.of("queries", 12, "hitRate", Double.NaN);
          }
        };
    breaker(MetricCatalog.BREAKER_OPEN).accept(metrics);
    DefaultDiagnostics diagnostics =
        new DefaultDiagnostics(metrics, () -> List.of(source), DEFAULTS, new SystemProbe());

    // when
    JsonNode json = JsonSupport.MAPPER.readTree(diagnostics.toJson(diagnostics.report()));

    // then
    assertThat(json.path("system").path("heapUsedBytes").asLong()).isPositive();
    assertThat(json.path("system").path("availableProcessors").asInt()).isPositive();
    assertThat(json.path("components").get(0).path("status").asText()).isEqualTo("UP");
    assertThat(json.path("components").get(0).path("stats").path("queries").asInt()).isEqualTo(12);
    JsonNode recommendation = json.path("recommendations").get(0);
    assertThat(recommendation.path("severity").asText()).isEqualTo("error");
    assertThat(recommendation.path("observed").asDouble()).isEqualTo(1.0);
    assertThat(recommendation.path("threshold").asDouble()).isEqualTo(0.0);
  }

  @Test
  void residentSetIsParsedFromProcStatus() {
    assertThat(SystemProbe.parseResidentSet(List.of("Name:\tjava", "VmRSS:\t  2048 kB")))
        .hasValue(2048L * 1024);
    assertThat(SystemProbe.parseResidentSet(List.of("Name:\tjava"))).isEmpty();
  }

  private static DiagnosticsReport report(DropwizardMetrics metrics, DiagnosticsThresholds limits) {
    return new DefaultDiagnostics(metrics, List::of, limits, new SystemProbe()).report();
  }

  private static DiagnosticsThresholds withHeapUsageMax(double share) {
    return withHeap(DEFAULTS, share);
  }

  private static DiagnosticsThresholds withHeap(DiagnosticsThresholds base, double share) {
    return new DiagnosticsThresholds(
        base.discoveryLatencyP95(),
        base.a2aLatencyP95(),
        base.mcpLatencyP95(),
        base.latencyMinSamples(),
        base.cacheHitRateMin(),
        base.cacheMinLookups(),
        base.openBreakersMax(),
        base.mcpRestartsMax(),
        share,
        base.successRateMin(),
        base.successMinCalls(),
        base.budgetRejectionsMax());
  }

  private static Recommendation only(List<Recommendation> recommendations) {
    assertThat(recommendations).hasSize(1);
    return recommendations.get(0);
  }

  private static Consumer<DropwizardMetrics> recordTimes(String timer, int count, long millis) {
    return metrics -> {
      for (int i = 0; i < count; i++) {
        metrics.timer(timer, Tags.empty()).record(Duration.ofMillis(millis));
      }
    };
  }

  private static Consumer<DropwizardMetrics> cache(long hits, long misses) {
    return metrics -> {
      metrics.counter(MetricCatalog.DISCOVERY_CACHE_HITS.name(), Tags.empty()).increment(hits);
      metrics.counter(MetricCatalog.DISCOVERY_CACHE_MISSES.name(), Tags.empty()).increment(misses);
    };
  }

  private static Consumer<DropwizardMetrics> breaker(int state) {
    return metrics ->
        metrics.gauge(
            MetricCatalog.A2A_BREAKER_STATE.name(),
            Tags.of(MetricCatalog.TAG_TARGET, "urn:agent:ai:flaky"),
            () -> state);
  }

  private static Consumer<DropwizardMetrics> outcomes(String counter, long success, long failed) {
    return metrics -> {
      metrics
          .counter(counter, Tags.of(MetricCatalog.TAG_OUTCOME, MetricCatalog.OUTCOME_SUCCESS))
          .increment(success);
      metrics.counter(counter, Tags.of(MetricCatalog.TAG_OUTCOME, "timeout")).increment(failed);
    };
  }

  private static Consumer<DropwizardMetrics> restarts(long count) {
    return metrics ->
        metrics
            .counter(MetricCatalog.MCP_RESTARTS.name(), Tags.of(MetricCatalog.TAG_SERVER, "fs"))
            .increment(count);
  }

  private static Consumer<DropwizardMetrics> budgetRejections(long count) {
    return metrics ->
        metrics
            .counter(
                MetricCatalog.RESILIENCE_BUDGET_REJECTIONS.name(),
                Tags.of(MetricCatalog.TAG_NAME, "default"))
            .increment(count);
  }
}
