package dev.ossp.runtime.metrics.internal.registry;

import com.codahale.metrics.Clock;
import com.codahale.metrics.MetricRegistry;
import dev.ossp.runtime.metrics.MetricCatalog;
import dev.ossp.runtime.metrics.MetricDefinition;
import dev.ossp.runtime.metrics.MetricType;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Metrics} facade on a Dropwizard {@link MetricRegistry}. Each name and tag set maps to
 * one meter; timers and histograms keep their values in a {@link SlidingWindowReservoir}.
 *
 * <p>Registration checks what the Prometheus export needs: one name is one meter type; a name from
 * {@link MetricCatalog} has the catalogue's type; two names never export under the same Prometheus
 * name (such as {@code a.b} and {@code a-b}, which both sanitize to {@code a_b}, or a gauge {@code
 * x_total} beside a counter {@code x}); and summaries carry no {@code quantile} tag. A violation
 * throws {@link IllegalArgumentException} naming both metrics. See {@link ExportNames} for the
 * naming rules.
 *
 * <p>Lookups of existing meters take no lock; registering a new meter takes one registry-wide lock.
 * This class is thread-safe.
 */
public final class DropwizardMetrics implements Metrics {
  private static final Logger LOG = LoggerFactory.getLogger(DropwizardMetrics.class);
  private static final String QUANTILE_LABEL = "quantile";

  private final MetricRegistry registry = new MetricRegistry();
  private final Clock clock;
  private final Duration window;
  private final int sliceCount;
  private final long startTick;
  private final Instant startedAt;
  private final ConcurrentHashMap<MeterId, RegisteredMeter> meters = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> descriptions = new ConcurrentHashMap<>();
  private final Object registrationLock = new Object();
  private final Map<String, MetricFamily> families = new HashMap<>();
  private final Map<String, String> exportNameOwners = new HashMap<>();

  /**
   * Creates an empty registry.
   *
   * @param window the time window of timer and histogram percentiles, at least 1 second
   * @param sliceCount the slices the window is split into, in 2..60
   * @param clock the clock for reservoirs, rates and the start time
   */
  public DropwizardMetrics(Duration window, int sliceCount, Clock clock) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(clock, "clock");

    new SlidingWindowReservoir(window, sliceCount, clock); // validates both settings
    this.window = window;
    this.sliceCount = sliceCount;
    this.clock = clock;
    this.startTick = clock.getTick();
    this.startedAt = Instant.ofEpochMilli(clock.getTime());
  }

  @Override
  public Counter counter(String name, Tags tags) {
    MeterId id = new MeterId(name, tags);
    return (CounterMeter)
        meter(id, MetricType.COUNTER, false, family -> new CounterMeter(id, family));
  }

  @Override
  public Timer timer(String name, Tags tags) {
    MeterId id = new MeterId(name, tags);
    return (TimerMeter)
        meter(
            id,
            MetricType.TIMER,
            false,
            family -> new TimerMeter(id, family, newReservoir(), clock));
  }

  @Override
  public Histogram histogram(String name, Tags tags) {
    MeterId id = new MeterId(name, tags);
    return (HistogramMeter)
        meter(
            id,
            MetricType.HISTOGRAM,
            false,
            family -> new HistogramMeter(id, family, newReservoir()));
  }

  /**
   * Registers a gauge, or, when the catalogue defines {@code name} as a counter, a {@link
   * #functionCounter} that reads the monotonic count from {@code value}, such as a cache's hit
   * count.
   */
  @Override
  public void gauge(String name, Tags tags, DoubleSupplier value) {
    Objects.requireNonNull(value, "value");

    Optional<MetricDefinition> definition = MetricCatalog.find(name);
    if (definition.isPresent() && definition.get().type() == MetricType.COUNTER) {
      functionCounter(name, tags, value);
      return;
    }
    MeterId id = new MeterId(name, tags);
    GaugeMeter meter =
        (GaugeMeter)
            meter(id, MetricType.GAUGE, false, family -> new GaugeMeter(id, family, value));
    meter.replace(value);
  }

  /**
   * Registers a counter whose monotonic value {@code value} returns at each export, such as a count
   * the JVM keeps. Registering the same name and tags again replaces the supplier.
   */
  public void functionCounter(String name, Tags tags, DoubleSupplier value) {
    Objects.requireNonNull(value, "value");

    MeterId id = new MeterId(name, tags);
    FunctionCounterMeter meter =
        (FunctionCounterMeter)
            meter(
                id,
                MetricType.COUNTER,
                true,
                family -> new FunctionCounterMeter(id, family, value));
    meter.replace(value);
  }

  @Override
  public void describe(String name, String description) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");

    descriptions.put(name, description);
  }

  /**
   * Returns the {@code HELP} text of {@code name}: the catalogue's description, else the text given
   * to {@link #describe}, else a sentence that names the facade name.
   */
  public String help(String name) {
    Optional<MetricDefinition> definition = MetricCatalog.find(name);
    if (definition.isPresent()) {
      return definition.get().description();
    }
    String described = descriptions.get(name);
    return described != null ? described : "Metric '" + name + "' recorded through OSSP Metrics.";
  }

  /** Returns every meter, sorted by exported family name and then by tags. */
  public List<RegisteredMeter> meters() {
    List<RegisteredMeter> sorted = new ArrayList<>(meters.values());
    sorted.sort(
        Comparator.comparing((RegisteredMeter meter) -> meter.family().exportName())
            .thenComparing(meter -> meter.id().tags().toString()));
    return sorted;
  }

  /** Returns the meters recorded under {@code name}, with any tags. */
  public List<RegisteredMeter> meters(String name) {
    Objects.requireNonNull(name, "name");

    List<RegisteredMeter> named = new ArrayList<>();
    for (RegisteredMeter meter : meters.values()) {
      if (meter.id().name().equals(name)) {
        named.add(meter);
      }
    }
    return named;
  }

  /** Returns the Dropwizard registry, for its reporters (JMX, console, CSV). */
  public MetricRegistry dropwizardRegistry() {
    return registry;
  }

  /** Returns when this registry was created. */
  public Instant startedAt() {
    return startedAt;
  }

  /** Returns the time since this registry was created, read from its clock. */
  public Duration uptime() {
    return Duration.ofNanos(clock.getTick() - startTick);
  }

  /** Returns the current time of this registry's clock. */
  public Instant now() {
    return Instant.ofEpochMilli(clock.getTime());
  }

  /** Returns the time window of timer and histogram percentiles. */
  public Duration window() {
    return window;
  }

  private SlidingWindowReservoir newReservoir() {
    return new SlidingWindowReservoir(window, sliceCount, clock);
  }

  private RegisteredMeter meter(
      MeterId id,
      MetricType type,
      boolean functionCounter,
      Function<MetricFamily, RegisteredMeter> factory) {
    RegisteredMeter existing = meters.get(id);
    if (existing != null) {
      checkSameKind(existing.family(), type, functionCounter);
      return existing;
    }
    synchronized (registrationLock) {
      existing = meters.get(id);
      if (existing != null) {
        checkSameKind(existing.family(), type, functionCounter);
        return existing;
      }
      MetricFamily family = family(id.name(), type, functionCounter);
      if (type == MetricType.TIMER || type == MetricType.HISTOGRAM) {
        if (id.tags().asMap().containsKey(QUANTILE_LABEL)) {
          throw new IllegalArgumentException(
              "metric '"
                  + id.name()
                  + "' cannot have the tag 'quantile', which the Prometheus summary of a "
                  + type.name().toLowerCase(java.util.Locale.ROOT)
                  + " uses; rename the tag");
        }
      }
      RegisteredMeter meter = factory.apply(family);
      try {
        registry.register(id.dropwizardName(), meter.dropwizardMetric());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "metric '"
                + id.name()
                + "' with tags "
                + id.tags()
                + " has the Dropwizard name '"
                + id.dropwizardName()
                + "' of another meter; do not put braces in metric names",
            e);
      }
      meters.put(id, meter);
      LOG.debug(
          "registered {} '{}' exported as '{}'", type, id.dropwizardName(), family.exportName());
      return meter;
    }
  }

  private MetricFamily family(String name, MetricType type, boolean functionCounter) {
    MetricFamily existing = families.get(name);
    if (existing != null) {
      checkSameKind(existing, type, functionCounter);
      return existing;
    }
    String unit = "";
    Optional<MetricDefinition> definition = MetricCatalog.find(name);
    if (definition.isPresent()) {
      if (definition.get().type() != type) {
        throw new IllegalArgumentException(
            "metric '"
                + name
                + "' is a "
                + definition.get().type()
                + " in the metric catalogue, not a "
                + type);
      }
      unit = definition.get().unit();
    }

    String exportName = ExportNames.familyName(name, type, unit);
    List<String> claimed = ExportNames.claimedNames(exportName, type);
    for (String candidate : claimed) {
      String owner = exportNameOwners.get(candidate);
      if (owner != null) {
        throw new IllegalArgumentException(
            "metric '"
                + name
                + "' exports as '"
                + exportName
                + "', which collides with '"
                + candidate
                + "' of metric '"
                + owner
                + "' (exported as '"
                + families.get(owner).exportName()
                + "'); rename one of them");
      }
    }

    MetricFamily family = new MetricFamily(name, type, unit, exportName, functionCounter);
    families.put(name, family);
    for (String candidate : claimed) {
      exportNameOwners.put(candidate, name);
    }
    return family;
  }

  private static void checkSameKind(MetricFamily family, MetricType type, boolean functionCounter) {
    if (family.type() != type || family.functionCounter() != functionCounter) {
      throw new IllegalArgumentException(
          "metric '"
              + family.name()
              + "' is registered as "
              + describeKind(family.type(), family.functionCounter())
              + ", not as "
              + describeKind(type, functionCounter)
              + "; use another name");
    }
  }

  private static String describeKind(MetricType type, boolean functionCounter) {
    return functionCounter
        ? "a function counter"
        : "a " + type.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return "DropwizardMetrics[" + meters.size() + " meters, window " + window + "]";
  }
}
