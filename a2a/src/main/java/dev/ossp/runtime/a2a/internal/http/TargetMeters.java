package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.metrics.MetricCatalog;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerEvent;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of one target, looked up once and kept: requests by outcome and status class, latency,
 * retries, and the breaker's state and transitions, under the names of {@link MetricCatalog}.
 * Thread-safe.
 */
final class TargetMeters {
  private final Metrics metrics;
  private final String target;
  private final Metrics.Timer latency;
  private final Metrics.Counter retries;
  private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

  private final Map<String, Map<String, Metrics.Counter>> requests = new ConcurrentHashMap<>();
  private volatile boolean breakerWatched;

  TargetMeters(Metrics metrics, String target) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.target = Objects.requireNonNull(target, "target");
    Tags tags = Tags.of(MetricCatalog.TAG_TARGET, target);
    this.latency = metrics.timer(MetricCatalog.A2A_REQUEST_LATENCY.name(), tags);
    this.retries = metrics.counter(MetricCatalog.A2A_RETRIES.name(), tags);
  }

  void recordCall(String outcome, String statusClass, long nanos) {
    latency.recordNanos(nanos);
    // Looked up without a key string or a capturing lambda, so a call allocates nothing here.
    Map<String, Metrics.Counter> byStatus = requests.get(outcome);
    if (byStatus == null) {
      byStatus = requests.computeIfAbsent(outcome, unused -> new ConcurrentHashMap<>());
    }
    Metrics.Counter counter = byStatus.get(statusClass);
    if (counter == null) {
      counter =
          byStatus.computeIfAbsent(
              statusClass,
              unused ->
                  metrics.counter(
                      MetricCatalog.A2A_REQUESTS.name(),
                      Tags.of(
                          MetricCatalog.TAG_TARGET,
                          target,
                          MetricCatalog.TAG_OUTCOME,
                          outcome,
                          MetricCatalog.TAG_STATUS_CLASS,
                          statusClass)));
    }
    counter.increment();
  }

  void recordRetry() {
    retries.increment();
  }

  /**
   * Registers the breaker's state gauge and transition counter once per target. With the no-op
   * facade it registers nothing, because a breaker with a listener creates an event for every call.
   */
  void watch(CircuitBreaker breaker) {
    if (breakerWatched || metrics == Metrics.noop()) {
      return;
    }
    synchronized (this) {
      if (breakerWatched) {
        return;
      }
      breakerWatched = true;
    }
    metrics.gauge(
        MetricCatalog.A2A_BREAKER_STATE.name(),
        Tags.of(MetricCatalog.TAG_TARGET, target),
        () -> stateValue(breaker.state()));
    breaker.addListener(
        event -> {
          if (event instanceof CircuitBreakerEvent.StateTransition transition) {
            metrics
                .counter(
                    MetricCatalog.A2A_BREAKER_TRANSITIONS.name(),
                    Tags.of(
                        MetricCatalog.TAG_TARGET,
                        target,
                        MetricCatalog.TAG_FROM,
                        transition.from().name().toLowerCase(java.util.Locale.ROOT),
                        MetricCatalog.TAG_TO,
                        transition.to().name().toLowerCase(java.util.Locale.ROOT)))
                .increment();
          }
        });
  }

  static String statusClass(int status) {
    if (status < 100) {
      return MetricCatalog.STATUS_CLASS_NONE;
    }
    int digit = status / 100;
    return digit <= STATUS_CLASSES.length ? STATUS_CLASSES[digit - 1] : digit + "xx";
  }

  private static double stateValue(CircuitBreaker.State state) {
    return switch (state) {
      case CLOSED -> MetricCatalog.BREAKER_CLOSED;
      case HALF_OPEN -> MetricCatalog.BREAKER_HALF_OPEN;
      case OPEN -> MetricCatalog.BREAKER_OPEN;
      case FORCED_OPEN -> MetricCatalog.BREAKER_FORCED_OPEN;
      case DISABLED -> MetricCatalog.BREAKER_DISABLED;
      case METRICS_ONLY -> MetricCatalog.BREAKER_METRICS_ONLY;
    };
  }
}
