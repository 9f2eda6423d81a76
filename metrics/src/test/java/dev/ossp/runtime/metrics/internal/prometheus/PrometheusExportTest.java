package dev.ossp.runtime.metrics.internal.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ossp.runtime.metrics.MetricCatalog;
import dev.ossp.runtime.metrics.MetricDefinition;
import dev.ossp.runtime.metrics.Tags;
import dev.ossp.runtime.metrics.internal.prometheus.TextFormatParser.Exposition;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import dev.ossp.runtime.metrics.internal.registry.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusExportTest {
  private static final String HOSTILE_VALUE =
      "urn:agent:ai:x@1.0 \"quoted\" back\\slash\nnew/line é";

  private final ManualClock clock = new ManualClock();
  private final DropwizardMetrics metrics = new DropwizardMetrics(Duration.ofSeconds(60), 6, clock);
  private final PrometheusExport export = new PrometheusExport(metrics);

  @Test
  void hostileNamesPassPromtoolAndRoundTrip() throws Exception {
    // given names with dots, dashes, slashes, a leading digit, non-ASCII, quotes, backslashes and
    // newlines, and label values with all of those
    metrics
        .counter("ossp.a2a.requests", Tags.of("target", HOSTILE_VALUE, "outcome", "success"))
        .increment(3);
    metrics.counter("dash-name/with.slash", Tags.of("path", "/v1/agents/{urn}")).increment(7);
    metrics.gauge("9lives", Tags.empty(), () -> 9.5);
    metrics.gauge("café.größe", Tags.of("unit", "ünïcödé"), () -> -1.25);
    metrics.gauge("quote\"back\\slash\nnewline", Tags.empty(), () -> 42);
    metrics
        .timer("ossp.mcp.call.latency", Tags.of("server", "fs", "tool", "read\"file\\"))
        .record(Duration.ofMillis(250));

    // when
    String text = export.scrape();

    // then promtool accepts it
    Promtool.assertAccepts(text);

    // and every name, label value and value reads back
    Exposition parsed = TextFormatParser.parse(text);
    assertThat(
            parsed.value(
                "ossp_a2a_requests_total", Map.of("target", HOSTILE_VALUE, "outcome", "success")))
        .isEqualTo(3);
    assertThat(parsed.value("dash_name_with_slash_total", Map.of("path", "/v1/agents/{urn}")))
        .isEqualTo(7);
    assertThat(parsed.value("_9lives", Map.of())).isEqualTo(9.5);
    assertThat(parsed.value("caf__gr__e", Map.of("unit", "ünïcödé"))).isEqualTo(-1.25);
    assertThat(parsed.value("quote_back_slash_newline", Map.of())).isEqualTo(42);
    Map<String, String> tool = Map.of("server", "fs", "tool", "read\"file\\");
    assertThat(parsed.value("ossp_mcp_call_latency_seconds_count", tool)).isEqualTo(1);
    assertThat(parsed.value("ossp_mcp_call_latency_seconds_sum", tool)).isEqualTo(0.25);
  }

  @Test
  void helpTextIsEscapedAndReadsBack() throws Exception {
    // given
    metrics.gauge("quote\"back\\slash\nnewline", Tags.empty(), () -> 1);
    metrics.describe("described.value", "Line one \\ with a backslash\nand a second line.");
    metrics.gauge("described.value", Tags.empty(), () -> 2);

    // when
    String text = export.scrape();

    // then
    Promtool.assertAccepts(text);
    Exposition parsed = TextFormatParser.parse(text);
    assertThat(parsed.help().get("quote_back_slash_newline"))
        .isEqualTo("Metric 'quote\"back\\slash\nnewline' recorded through OSSP Metrics.");
    assertThat(parsed.help().get("described_value"))
        .isEqualTo("Line one \\ with a backslash\nand a second line.");
  }

  @Test
  void catalogueSuppliesHelpTextAndUnit() throws Exception {
    // given
    metrics.gauge(MetricCatalog.JVM_MEMORY_USED.name(), Tags.of("area", "heap"), () -> 1024);
    metrics
        .counter(MetricCatalog.DISCOVERY_QUERIES.name(), Tags.of("outcome", "success"))
        .increment();

    // when
    Exposition parsed = TextFormatParser.parse(export.scrape());

    // then
    assertThat(parsed.value("jvm_memory_used_bytes", Map.of("area", "heap"))).isEqualTo(1024);
    assertThat(parsed.help().get("jvm_memory_used_bytes"))
        .isEqualTo(MetricCatalog.JVM_MEMORY_USED.description());
    assertThat(parsed.types()).containsEntry("jvm_memory_used_bytes", "gauge");
    assertThat(parsed.value("ossp_discovery_queries_total", Map.of("outcome", "success")))
        .isEqualTo(1);
    assertThat(parsed.types()).containsEntry("ossp_discovery_queries_total", "counter");
  }

  @Test
  void timerExportsWindowQuantilesInSeconds() throws Exception {
    // given
    Tags tags = Tags.of("target", "urn:agent:ai:x");
    for (int millis = 1; millis <= 100; millis++) {
      metrics.timer("ossp.a2a.request.latency", tags).record(Duration.ofMillis(millis));
    }

    // when
    Exposition parsed = TextFormatParser.parse(export.scrape());

    // then
    String name = "ossp_a2a_request_latency_seconds";
    assertThat(parsed.types()).containsEntry(name, "summary");
    assertThat(parsed.value(name, Map.of("target", "urn:agent:ai:x", "quantile", "0.5")))
        .isCloseTo(0.050, within(0.001));
    assertThat(parsed.value(name, Map.of("target", "urn:agent:ai:x", "quantile", "0.99")))
        .isCloseTo(0.099, within(0.001));
    assertThat(parsed.value(name + "_count", Map.of("target", "urn:agent:ai:x"))).isEqualTo(100);
    assertThat(parsed.value(name + "_sum", Map.of("target", "urn:agent:ai:x")))
        .isCloseTo(5.05, within(1e-9));
  }

  @Test
  void quantilesBecomeNaNAfterTrafficStops() throws Exception {
    // given
    metrics.timer("ossp.discovery.query.latency", Tags.empty()).record(Duration.ofMillis(5));

    // when a whole window passes without traffic
    clock.advance(Duration.ofSeconds(61));
    String text = export.scrape();

    // then
    Promtool.assertAccepts(text);
    Exposition parsed = TextFormatParser.parse(text);
    String name = "ossp_discovery_query_latency_seconds";
    assertThat(parsed.value(name, Map.of("quantile", "0.99"))).isNaN();
    assertThat(parsed.value(name + "_count", Map.of())).isEqualTo(1);
  }

  @Test
  void namesThatSanitizeAlikeAreRejected() {
    // given
    metrics.counter("team.a-b", Tags.empty());

    // when / then
    assertThatThrownBy(() -> metrics.counter("team.a.b", Tags.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'team.a.b' exports as 'team_a_b'")
        .hasMessageContaining("metric 'team.a-b'");
  }

  @Test
  void gaugeCollidingWithCounterSuffixIsRejected() {
    // given
    metrics.counter("jobs", Tags.empty());

    // when / then
    assertThatThrownBy(() -> metrics.gauge("jobs_total", Tags.empty(), () -> 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("collides with 'jobs_total' of metric 'jobs'");
  }

  @Test
  void summaryCountSuffixCollisionIsRejected() {
    // given
    metrics.histogram("batch.size", Tags.empty());

    // when / then
    assertThatThrownBy(() -> metrics.gauge("batch.size.count", Tags.empty(), () -> 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("collides with 'batch_size_count'");
  }

  @Test
  void oneNameWithTwoTypesIsRejected() {
    // given
    metrics.counter("ossp.custom.events", Tags.empty());

    // when / then
    assertThatThrownBy(() -> metrics.timer("ossp.custom.events", Tags.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is registered as a counter, not as a timer");
  }

  @Test
  void catalogueTypeIsEnforced() {
    assertThatThrownBy(
            () -> metrics.counter(MetricCatalog.DISCOVERY_QUERY_LATENCY.name(), Tags.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a TIMER in the metric catalogue, not a COUNTER");
  }

  @Test
  void quantileTagOnTimerIsRejected() {
    assertThatThrownBy(() -> metrics.timer("ossp.custom.latency", Tags.of("quantile", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot have the tag 'quantile'");
  }

  @Test
  void failingGaugeExportsNaN() throws Exception {
    // given
    metrics.gauge(
        "ossp.custom.broken",
        Tags.empty(),
        () -> {
          throw new IllegalStateException("sensor offline");
        });

    // when
    String text = export.scrape();

    // then
    Promtool.assertAccepts(text);
    assertThat(TextFormatParser.parse(text).value("ossp_custom_broken", Map.of())).isNaN();
  }

  @Test
  void negativeCounterIncrementIsRejected() {
    assertThatThrownBy(() -> metrics.counter("ossp.custom.count", Tags.empty()).increment(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be incremented by -1");
  }

  @Test
  void everyCatalogueMetricPassesPromtoolLint() throws Exception {
    // given one meter per catalogue entry, with every documented tag
    for (MetricDefinition definition : MetricCatalog.all()) {
      String[] keysAndValues = new String[definition.tagKeys().size() * 2];
      for (int i = 0; i < definition.tagKeys().size(); i++) {
        keysAndValues[2 * i] = definition.tagKeys().get(i);
        keysAndValues[2 * i + 1] = "value-" + i;
      }
      Tags tags = Tags.of(keysAndValues);
      switch (definition.type()) {
        case COUNTER -> metrics.counter(definition.name(), tags).increment();
        case TIMER -> metrics.timer(definition.name(), tags).record(Duration.ofMillis(3));
        case HISTOGRAM -> metrics.histogram(definition.name(), tags).update(3);
        case GAUGE -> metrics.gauge(definition.name(), tags, () -> 1);
      }
    }

    // when
    String text = export.scrape();

    // then
    Promtool.assertAccepts(text);
    assertThat(TextFormatParser.parse(text).help()).hasSize(MetricCatalog.all().size());
  }
}
