package dev.ossp.runtime.a2a.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.metrics.MetricCatalog;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.ResilienceProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class TargetMetersTest {
  private static final String TARGET = "urn:agent:test:meters@1.0.0";

  /** Keeps every counter and gauge by name and tags, and the durations each timer recorded. */
  private static final class RecordingMetrics implements Metrics {
    final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    final List<Long> latencies = new CopyOnWriteArrayList<>();
    final AtomicLong counterLookups = new AtomicLong();
    final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();

    @Override
    public Counter counter(String name, Tags tags) {
      counterLookups.incrementAndGet();
      AtomicLong count = counts.computeIfAbsent(name + tags.asMap(), unused -> new AtomicLong());
      return new Counter() {
        @Override
        public void increment() {
          count.incrementAndGet();
        }

        @Override
        public void increment(long amount) {
          count.addAndGet(amount);
        }
      };
    }

    @Override
    public Timer timer(String name, Tags tags) {
      return latencies::add;
    }

    @Override
    public Histogram histogram(String name, Tags tags) {
      return value -> {};
    }

    @Override
    public void gauge(String name, Tags tags, DoubleSupplier value) {
      gauges.put(name + tags.asMap(), value);
    }

    long count(String name, Tags tags) {
      AtomicLong count = counts.get(name + tags.asMap());
      return count == null ? 0 : count.get();
    }

    long count(String outcome, String statusClass) {
      Tags tags =
          Tags.of(
              MetricCatalog.TAG_TARGET,
              TARGET,
              MetricCatalog.TAG_OUTCOME,
              outcome,
              MetricCatalog.TAG_STATUS_CLASS,
              statusClass);
      return count(MetricCatalog.A2A_REQUESTS.name(), tags);
    }
  }

  @Test
  void statusClassNamesEachHundred() {
    assertThat(TargetMeters.statusClass(0)).isEqualTo(MetricCatalog.STATUS_CLASS_NONE);
    assertThat(TargetMeters.statusClass(99)).isEqualTo(MetricCatalog.STATUS_CLASS_NONE);
    assertThat(TargetMeters.statusClass(100)).isEqualTo("1xx");
    assertThat(TargetMeters.statusClass(204)).isEqualTo("2xx");
    assertThat(TargetMeters.statusClass(304)).isEqualTo("3xx");
    assertThat(TargetMeters.statusClass(429)).isEqualTo("4xx");
    assertThat(TargetMeters.statusClass(599)).isEqualTo("5xx");
    assertThat(TargetMeters.statusClass(600)).isEqualTo("6xx");
  }

  @Test
  void callsCountedByOutcomeAndStatusClass() {
    // given
    RecordingMetrics metrics = new RecordingMetrics();
    TargetMeters meters = new TargetMeters(metrics, TARGET);

    // when
    meters.recordCall(MetricCatalog.OUTCOME_SUCCESS, "2xx", 1_000);
    meters.recordCall(MetricCatalog.OUTCOME_SUCCESS, "2xx", 2_000);
    meters.recordCall(MetricCatalog.OUTCOME_SUCCESS, "3xx", 3_000);
    meters.recordCall("server", "5xx", 4_000);
    meters.recordCall("timeout", MetricCatalog.STATUS_CLASS_NONE, 5_000);

    // then
    assertThat(metrics.count(MetricCatalog.OUTCOME_SUCCESS, "2xx")).isEqualTo(2);
    assertThat(metrics.count(MetricCatalog.OUTCOME_SUCCESS, "3xx")).isEqualTo(1);
    assertThat(metrics.count("server", "5xx")).isEqualTo(1);
    assertThat(metrics.count("timeout", MetricCatalog.STATUS_CLASS_NONE)).isEqualTo(1);
    assertThat(metrics.count("server", "2xx")).isZero();
    assertThat(metrics.latencies).containsExactly(1_000L, 2_000L, 3_000L, 4_000L, 5_000L);
  }

  @Test
  void counterLookedUpOncePerTagSet() {
    // given: the retries counter is looked up when the meters are made
    RecordingMetrics metrics = new RecordingMetrics();
    TargetMeters meters = new TargetMeters(metrics, TARGET);
    long atStart = metrics.counterLookups.get();

    // when
    for (int i = 0; i < 100; i++) {
      meters.recordCall(MetricCatalog.OUTCOME_SUCCESS, "2xx", 1_000);
      meters.recordCall("server", "5xx", 1_000);
    }

    // then
    assertThat(metrics.counterLookups.get() - atStart).isEqualTo(2);
    assertThat(metrics.count(MetricCatalog.OUTCOME_SUCCESS, "2xx")).isEqualTo(100);
    assertThat(metrics.count("server", "5xx")).isEqualTo(100);
  }

  /** Returns a real breaker whose {@code addListener} calls are counted in {@code listeners}. */
  private static CircuitBreaker countingListeners(AtomicLong listeners) {
    CircuitBreaker breaker =
        ResilienceProvider.load()
            .circuitBreakerRegistry(CircuitBreakerConfig.defaults())
            .circuitBreaker(TARGET);
    return (CircuitBreaker)
        Proxy.newProxyInstance(
            CircuitBreaker.class.getClassLoader(),
            new Class<?>[] {CircuitBreaker.class},
            (proxy, method, args) -> {
              if (method.getName().equals("addListener")) {
                listeners.incrementAndGet();
              }
              try {
                return method.invoke(breaker, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void watchedBreakerTransitionsCounted() {
    // given
    RecordingMetrics metrics = new RecordingMetrics();
    TargetMeters meters = new TargetMeters(metrics, TARGET);
    AtomicLong listeners = new AtomicLong();
    CircuitBreaker breaker = countingListeners(listeners);

    // when
    meters.watch(breaker);
    meters.watch(breaker);
    breaker.transitionToOpen();

    // then
    assertThat(listeners.get()).isEqualTo(1);
    Tags targetTag = Tags.of(MetricCatalog.TAG_TARGET, TARGET);
    assertThat(metrics.gauges.get(MetricCatalog.A2A_BREAKER_STATE.name() + targetTag.asMap()))
        .isNotNull();
    assertThat(
            metrics
                .gauges
                .get(MetricCatalog.A2A_BREAKER_STATE.name() + targetTag.asMap())
                .getAsDouble())
        .isEqualTo(MetricCatalog.BREAKER_OPEN);
    assertThat(
            metrics.count(
                MetricCatalog.A2A_BREAKER_TRANSITIONS.name(),
                targetTag.and(MetricCatalog.TAG_FROM, "closed").and(MetricCatalog.TAG_TO, "open")))
        .isEqualTo(1);
  }

  @Test
  void noopMetricsAddNoBreakerListener() {
    // given
    TargetMeters meters = new TargetMeters(Metrics.noop(), TARGET);
    AtomicLong listeners = new AtomicLong();
    CircuitBreaker breaker = countingListeners(listeners);

    // when
    meters.watch(breaker);
    breaker.transitionToOpen();

    // then
    assertThat(listeners.get()).isZero();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
  }
}
