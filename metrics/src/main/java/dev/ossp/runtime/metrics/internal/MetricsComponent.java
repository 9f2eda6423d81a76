package dev.ossp.runtime.metrics.internal;

import com.codahale.metrics.jmx.JmxReporter;
import dev.ossp.runtime.component.ComponentBinder;
import dev.ossp.runtime.component.ComponentContext;
import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.metrics.Diagnostics;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.MetricsExporter;
import dev.ossp.runtime.metrics.internal.jvm.JvmMetrics;
import dev.ossp.runtime.metrics.internal.loadtest.HdrLoadTester;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import dev.ossp.runtime.metrics.loadtest.LoadTester;
import dev.ossp.runtime.node.RouteProvider;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code metrics} component. It binds {@link Metrics} to the Dropwizard registry (replacing the
 * core's no-op default), {@link MetricsExporter}, {@link Diagnostics} and {@link LoadTester};
 * contributes the routes {@code /metrics}, {@code /metrics/summary} and {@code /diagnostics}; and
 * at start registers the JVM metrics and the uptime and, when configured, the JMX reporter.
 *
 * <p>The component is not critical: when it is down the runtime is degraded, not down.
 */
public final class MetricsComponent implements RuntimeComponent {
  /** The component's name. */
  public static final String NAME = "metrics";

  private static final Logger LOG = LoggerFactory.getLogger(MetricsComponent.class);

  private volatile @Nullable DropwizardMetrics metrics;
  private @Nullable JmxReporter jmxReporter;

  /** Creates the component; used by {@link java.util.ServiceLoader}. */
  public MetricsComponent() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<ConfigKey<?>> configKeys() {
    return MetricsConfigKeys.all();
  }

  @Override
  public void configure(ComponentBinder binder) {
    binder.bindProvider(DropwizardMetrics.class, MetricsProviders.RegistryProvider.class);
    binder.bindProvider(Metrics.class, MetricsProviders.FacadeProvider.class);
    binder.bindProvider(MetricsExporter.class, MetricsProviders.ExporterProvider.class);
    binder.bindProvider(Diagnostics.class, MetricsProviders.DiagnosticsProvider.class);
    binder.bind(LoadTester.class, HdrLoadTester.class);
    binder.addToSet(RouteProvider.class, MetricsRoutes.class);
    binder.addToSet(DiagnosticsSource.class, MetricsDiagnosticsSource.class);
  }

  @Override
  public void start(ComponentContext context) {
    RuntimeConfig config = context.config();
    DropwizardMetrics registry = context.instance(DropwizardMetrics.class);
    metrics = registry;
    if (config.get(MetricsConfigKeys.JVM_ENABLED)) {
      JvmMetrics.register(registry);
    }
    if (config.get(MetricsConfigKeys.JMX_ENABLED)) {
      String domain = config.get(MetricsConfigKeys.JMX_DOMAIN);
      JmxReporter reporter =
          JmxReporter.forRegistry(registry.dropwizardRegistry()).inDomain(domain).build();
      reporter.start();
      jmxReporter = reporter;
      LOG.info("metrics published as JMX MBeans in domain '{}'", domain);
    }
    LOG.info(
        "metrics started: {} meters, percentile window {}",
        registry.meters().size(),
        registry.window());
  }

  @Override
  public void stop() {
    JmxReporter reporter = jmxReporter;
    if (reporter != null) {
      reporter.stop();
      jmxReporter = null;
      LOG.info("JMX metrics reporter stopped");
    }
    metrics = null;
  }

  @Override
  public ComponentHealth health() {
    DropwizardMetrics registry = metrics;
    if (registry == null) {
      return ComponentHealth.down("metrics component is not started");
    }
    return ComponentHealth.up().withDetail("meters", registry.meters().size());
  }

  @Override
  public boolean critical() {
    return false;
  }
}
