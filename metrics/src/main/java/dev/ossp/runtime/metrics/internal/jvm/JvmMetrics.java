package dev.ossp.runtime.metrics.internal.jvm;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricSet;
import com.codahale.metrics.jvm.BufferPoolMetricSet;
import com.codahale.metrics.jvm.ClassLoadingGaugeSet;
import com.codahale.metrics.jvm.FileDescriptorRatioGauge;
import com.codahale.metrics.jvm.GarbageCollectorMetricSet;
import com.codahale.metrics.jvm.JmxAttributeGauge;
import com.codahale.metrics.jvm.MemoryUsageGaugeSet;
import com.codahale.metrics.jvm.ThreadStatesGaugeSet;
import dev.ossp.runtime.metrics.MetricCatalog;
import dev.ossp.runtime.metrics.Tags;
import dev.ossp.runtime.metrics.internal.registry.DropwizardMetrics;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the JVM metrics of {@link MetricCatalog} (memory areas and pools, garbage collection,
 * threads, classes, CPU, buffer pools, file descriptors) and the runtime uptime. The values come
 * from Dropwizard's {@code metrics-jvm} gauge sets, whose string keys (such as {@code
 * pools.G1-Eden-Space.used}) are mapped onto catalogue names with tags.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class JvmMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(JvmMetrics.class);
  private static final Set<String> POOL_FIELDS = Set.of("used", "committed", "max");

  private JvmMetrics() {}

  /** Registers every JVM metric and {@link MetricCatalog#RUNTIME_UPTIME} on {@code metrics}. */
  public static void register(DropwizardMetrics metrics) {
    Objects.requireNonNull(metrics, "metrics");

    metrics.gauge(
        MetricCatalog.RUNTIME_UPTIME.name(), Tags.empty(), () -> metrics.uptime().toNanos() / 1e9);
    registerMemory(metrics);
    registerGarbageCollection(metrics);
    registerThreads(metrics);
    registerClassesAndCpu(metrics);
    registerBuffers(metrics);
  }

  private static void registerMemory(DropwizardMetrics metrics) {
    for (Map.Entry<String, Metric> entry : new MemoryUsageGaugeSet().getMetrics().entrySet()) {
      String key = entry.getKey();
      Gauge<?> gauge = (Gauge<?>) entry.getValue();
      if (key.startsWith("pools.")) {
        String rest = key.substring("pools.".length());
        int dot = rest.lastIndexOf('.');
        String field = rest.substring(dot + 1);
        if (dot > 0 && POOL_FIELDS.contains(field)) {
          Tags tags = Tags.of("pool", rest.substring(0, dot));
          metrics.gauge(poolName(field), tags, () -> number(gauge));
        }
        continue;
      }
      int dot = key.indexOf('.');
      String area = key.substring(0, dot);
      String field = key.substring(dot + 1);
      if ((area.equals("heap") || area.equals("non-heap")) && POOL_FIELDS.contains(field)) {
        Tags tags = Tags.of("area", area.equals("heap") ? "heap" : "non_heap");
        metrics.gauge(areaName(field), tags, () -> number(gauge));
      }
    }
  }

  private static void registerGarbageCollection(DropwizardMetrics metrics) {
    for (Map.Entry<String, Metric> entry :
        new GarbageCollectorMetricSet().getMetrics().entrySet()) {
      String key = entry.getKey();
      Gauge<?> gauge = (Gauge<?>) entry.getValue();
      int dot = key.lastIndexOf('.');
      Tags tags = Tags.of("gc", key.substring(0, dot));
      if (key.endsWith(".count")) {
        metrics.functionCounter(MetricCatalog.JVM_GC_COLLECTIONS.name(), tags, () -> number(gauge));
      } else if (key.endsWith(".time")) {
        // Dropwizard reports collection time in milliseconds.
        metrics.functionCounter(
            MetricCatalog.JVM_GC_TIME.name(), tags, () -> number(gauge) / 1000.0);
      }
    }
  }

  private static void registerThreads(DropwizardMetrics metrics) {
    Map<String, Metric> threads = new ThreadStatesGaugeSet().getMetrics();
    for (Map.Entry<String, Metric> entry : threads.entrySet()) {
      String key = entry.getKey();
      Gauge<?> gauge = (Gauge<?>) entry.getValue();
      switch (key) {
        case "count" ->
            metrics.gauge(MetricCatalog.JVM_THREADS_LIVE.name(), Tags.empty(), () -> number(gauge));
        case "daemon.count" ->
            metrics.gauge(
                MetricCatalog.JVM_THREADS_DAEMON.name(), Tags.empty(), () -> number(gauge));
        case "peak.count" ->
            metrics.gauge(MetricCatalog.JVM_THREADS_PEAK.name(), Tags.empty(), () -> number(gauge));
        case "deadlock.count" ->
            metrics.gauge(
                MetricCatalog.JVM_THREADS_DEADLOCKED.name(), Tags.empty(), () -> number(gauge));
        default -> {
          boolean stateCount =
              key.endsWith(".count") && !key.startsWith("total_started") && key.indexOf('.') > 0;
          if (stateCount) {
            String state = key.substring(0, key.indexOf('.'));
            metrics.gauge(
                MetricCatalog.JVM_THREADS_STATE.name(),
                Tags.of("state", state),
                () -> number(gauge));
          }
        }
      }
    }
  }

  private static void registerClassesAndCpu(DropwizardMetrics metrics) {
    Map<String, Metric> classes = new ClassLoadingGaugeSet().getMetrics();
    Gauge<?> loaded = (Gauge<?>) classes.get("loaded");
    Gauge<?> unloaded = (Gauge<?>) classes.get("unloaded");
    metrics.functionCounter(
        MetricCatalog.JVM_CLASSES_LOADED.name(), Tags.empty(), () -> number(loaded));
    metrics.functionCounter(
        MetricCatalog.JVM_CLASSES_UNLOADED.name(), Tags.empty(), () -> number(unloaded));

    ObjectName operatingSystem = operatingSystemName();
    Gauge<Object> processCpu = new JmxAttributeGauge(operatingSystem, "ProcessCpuLoad");
    Gauge<Object> systemCpu = new JmxAttributeGauge(operatingSystem, "SystemCpuLoad");
    metrics.gauge(
        MetricCatalog.JVM_CPU_PROCESS_USAGE.name(), Tags.empty(), () -> number(processCpu));
    metrics.gauge(MetricCatalog.JVM_CPU_SYSTEM_USAGE.name(), Tags.empty(), () -> number(systemCpu));
    metrics.gauge(
        MetricCatalog.JVM_CPU_AVAILABLE.name(),
        Tags.empty(),
        () -> Runtime.getRuntime().availableProcessors());
    FileDescriptorRatioGauge files = new FileDescriptorRatioGauge();
    metrics.gauge(MetricCatalog.JVM_FILES_OPEN.name(), Tags.empty(), files::getValue);
  }

  private static void registerBuffers(DropwizardMetrics metrics) {
    MetricSet buffers = new BufferPoolMetricSet(ManagementFactory.getPlatformMBeanServer());
    for (Map.Entry<String, Metric> entry : buffers.getMetrics().entrySet()) {
      String key = entry.getKey();
      if (key.endsWith(".used")) {
        Gauge<?> gauge = (Gauge<?>) entry.getValue();
        String pool = key.substring(0, key.length() - ".used".length());
        metrics.gauge(
            MetricCatalog.JVM_BUFFER_USED.name(), Tags.of("pool", pool), () -> number(gauge));
      }
    }
  }

  private static String areaName(String field) {
    return switch (field) {
      case "used" -> MetricCatalog.JVM_MEMORY_USED.name();
      case "committed" -> MetricCatalog.JVM_MEMORY_COMMITTED.name();
      default -> MetricCatalog.JVM_MEMORY_MAX.name();
    };
  }

  private static String poolName(String field) {
    return switch (field) {
      case "used" -> MetricCatalog.JVM_MEMORY_POOL_USED.name();
      case "committed" -> MetricCatalog.JVM_MEMORY_POOL_COMMITTED.name();
      default -> MetricCatalog.JVM_MEMORY_POOL_MAX.name();
    };
  }

  private static ObjectName operatingSystemName() {
    try {
      return new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME);
    } catch (MalformedObjectNameException e) {
      throw new IllegalStateException("the JDK's operating system MXBean name is invalid", e);
    }
  }

  /** Returns a gauge's value as a double, or NaN when it is not a number. */
  private static double number(Gauge<?> gauge) {
    Object value = gauge.getValue();
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    LOG.debug("JVM gauge returned {} instead of a number", value);
    return Double.NaN;
  }
}
