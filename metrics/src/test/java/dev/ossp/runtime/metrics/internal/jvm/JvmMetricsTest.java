package dev.ossp.runtime.metrics.internal.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.metrics.MetricCatalog;
import dev.ossp.runtime.metrics.internal.prometheus.PromtoolAccess;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import dev.ossp.runtime.metrics.internal.registry.GaugeMeter;
import dev.ossp.runtime.metrics.internal.registry.ManualClock;
import dev.ossp.runtime.metrics.internal.report.DropwizardMetricsExporter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JvmMetricsTest {
  private final ManualClock clock = new ManualClock();
  private final DropwizardMetrics metrics = new DropwizardMetrics(Duration.ofSeconds(60), 6, clock);

  @Test
  void registersEveryJvmCatalogueMetric() throws Exception {
    // when
    JvmMetrics.register(metrics);
    String text = new DropwizardMetricsExporter(metrics).prometheusText();

    // then
    PromtoolAccess.assertAccepts(text);
    for (var definition : MetricCatalog.ownedBy("metrics")) {
      assertThat(metrics.meters(definition.name())).as(definition.name()).isNotEmpty();
    }
    assertThat(text).containsPattern("jvm_gc_collections_total\\{gc=\"[^\"]+\"}");
    assertThat(text).contains("jvm_memory_pool_used_bytes{pool=");
  }

  @Test
  void uptimeFollowsClock() {
    // given
    JvmMetrics.register(metrics);

    // when
    clock.advance(Duration.ofSeconds(90));

    // then
    GaugeMeter uptime = (GaugeMeter) metrics.meters(MetricCatalog.RUNTIME_UPTIME.name()).get(0);
    assertThat(uptime.value()).isEqualTo(90.0);
  }
}
