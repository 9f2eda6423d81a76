package dev.ossp.runtime.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.metrics.Diagnostics;
import dev.ossp.runtime.metrics.MetricCatalog;
import dev.ossp.runtime.metrics.MetricDefinition;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.MetricsExporter;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import dev.ossp.runtime.metrics.internal.registry.ExportNames;
import dev.ossp.runtime.metrics.internal.report.JsonSupport;
import dev.ossp.runtime.metrics.loadtest.LoadTester;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics component on a real runtime node (Jetty) with the discovery component, which records
 * through the facade: the routes, the bindings and the catalogue names after real calls.
 */
class MetricsNodeTest {
  private static final String KEY = "metrics-test-api-key-0123456789";
  private static final String CARD =
      """
      {"urn": "urn:agent:demo:echo",
       "card": {"protocolVersion": "0.3.0", "name": "Echo Agent", "description": "Echoes text",
                "url": "http://127.0.0.1:41241/a2a/jsonrpc", "version": "2.1.0",
                "capabilities": {"streaming": false},
                "defaultInputModes": ["text/plain"], "defaultOutputModes": ["text/plain"],
                "skills": [{"id": "echo", "name": "Echo", "description": "Echo text",
                            "tags": ["text"]}]}}
      """;

  @TempDir Path data;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private OsspRuntime runtime;
  private URI base;

  @BeforeEach
  void start() {
    runtime =
        OsspRuntime.builder()
            .set("node.port", 0)
            .set("node.api-key", KEY)
            .set("runtime.data-dir", data.toString())
            .set("runtime.shutdown-hook", false)
            .set("metrics.diagnostics.discovery-latency-p95", "1ns")
            .set("metrics.diagnostics.latency-min-samples", 1)
            .build();
    runtime.start();
    base = runtime.node().baseUri();
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  @Test
  void componentBindsFacadeExporterDiagnosticsAndLoadTester() {
    assertThat(runtime.components()).contains("metrics", "discovery");
    assertThat(runtime.instance(Metrics.class)).isInstanceOf(DropwizardMetrics.class);
    assertThat(runtime.instance(Metrics.class)).isSameAs(runtime.instance(DropwizardMetrics.class));
    assertThat(runtime.instance(MetricsExporter.class)).isNotNull();
    assertThat(runtime.instance(Diagnostics.class)).isNotNull();
    assertThat(runtime.instance(LoadTester.class)).isNotNull();
  }

  @Test
  void metricsRouteServesCatalogueNames() throws Exception {
    // given real discovery traffic: one registration and five queries
    HttpResponse<String> registered =
        send(
            HttpRequest.newBuilder(base.resolve("/v1/agents"))
                .header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString(CARD)));
    assertThat(registered.statusCode()).isEqualTo(201);
    for (int i = 0; i < 5; i++) {
      assertThat(get("/v1/agents?domain=demo").statusCode()).isEqualTo(200);
    }
    assertThat(get("/v1/agents?domain=demo&cursor=not-a-cursor").statusCode()).isEqualTo(400);

    // when
    HttpResponse<String> response = get("/metrics");

    // then the client's text format passes promtool
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    String text = response.body();
    dev.ossp.runtime.metrics.internal.prometheus.PromtoolAccess.assertAccepts(text);

    // and every catalogue metric of the modules running here was recorded
    for (String owner : List.of("metrics", "discovery")) {
      for (MetricDefinition definition : MetricCatalog.ownedBy(owner)) {
        String family =
            ExportNames.familyName(definition.name(), definition.type(), definition.unit());
        assertThat(text)
            .as("exported family of %s", definition.name())
            .contains("# TYPE " + family);
      }
    }
    // and every ossp family exported here is in the catalogue, so none escapes its HELP text,
    // the summary and the diagnostics rules
    java.util.Set<String> catalogued = new java.util.HashSet<>();
    for (MetricDefinition definition : MetricCatalog.all()) {
      catalogued.add(
          ExportNames.familyName(definition.name(), definition.type(), definition.unit()));
    }
    java.util.regex.Matcher types =
        java.util.regex.Pattern.compile("(?m)^# TYPE (ossp_\\S+) (\\w+)$").matcher(text);
    List<String> exported = new java.util.ArrayList<>();
    while (types.find()) {
      String family = types.group(1);
      boolean counter = types.group(2).equals("counter") && family.endsWith("_total");
      exported.add(counter ? family.substring(0, family.length() - "_total".length()) : family);
    }
    assertThat(exported).isNotEmpty();
    assertThat(exported).allSatisfy(family -> assertThat(catalogued).contains(family));
    assertThat(text).contains("ossp_node_requests_seconds_count{");
    assertThat(text).contains("ossp_discovery_writes_total{operation=\"register\"} 1.0");
    assertThat(text).contains("jvm_memory_used_bytes{area=\"heap\"}");
    assertThat(text).contains("jvm_threads_state{state=\"runnable\"}");
    assertThat(text).contains("# TYPE ossp_discovery_cache_hits_total counter");
    assertThat(text).contains("ossp_discovery_agents{state=\"stored\"} 1.0");
    assertThat(text).containsPattern("ossp_discovery_query_latency_seconds_count [5-9]");
    assertThat(text).contains("ossp_discovery_queries_total{outcome=\"success\"} 5.0");
    assertThat(text).contains("ossp_discovery_queries_total{outcome=\"failure\"} 1.0");
  }

  @Test
  void summaryRouteReportsDiscoveryTotals() throws Exception {
    // given
    for (int i = 0; i < 3; i++) {
      get("/v1/agents?domain=demo");
    }

    // when
    HttpResponse<String> response = get("/metrics/summary");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode discovery = component(JsonSupport.MAPPER.readTree(response.body()), "discovery");
    assertThat(discovery.path("total").asLong()).isEqualTo(3);
    assertThat(discovery.path("successRate").asDouble()).isEqualTo(1.0);
    assertThat(discovery.path("latencyMs").path("samples").asLong()).isEqualTo(3);
    assertThat(discovery.path("throughputPerSecond").asDouble()).isPositive();
  }

  @Test
  void diagnosticsRouteReportsSystemComponentsAndConfiguredRules() throws Exception {
    // given a discovery query, slower than the configured 1 ns threshold
    get("/v1/agents?domain=demo");

    // when
    HttpResponse<String> response = get("/diagnostics");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = JsonSupport.MAPPER.readTree(response.body());
    assertThat(report.path("system").path("heapUsedBytes").asLong()).isPositive();
    assertThat(report.path("system").path("jvm").asText()).isNotBlank();
    assertThat(component(report, "metrics").path("status").asText()).isEqualTo("UP");
    JsonNode rule = report.path("recommendations").get(0);
    assertThat(rule.path("rule").asText()).isEqualTo("discovery-latency-p95");
    assertThat(rule.path("threshold").asDouble()).isEqualTo(1e-6);
    assertThat(rule.path("observed").asDouble()).isPositive();
  }

  private static JsonNode component(JsonNode root, String name) {
    for (JsonNode node : root.path("components")) {
      if (name.equals(node.path("component").asText(node.path("name").asText()))) {
        return node;
      }
    }
    throw new AssertionError("no component " + name + " in " + root);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
