package dev.ossp.runtime.resilience.internal;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.metrics.MetricCatalog;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.RetryPolicy;
import dev.ossp.runtime.resilience.internal.breaker.DefaultCircuitBreakerRegistry;
import dev.ossp.runtime.resilience.internal.retry.DefaultRetryPolicy;
import dev.ossp.runtime.resilience.internal.retry.DefaultRetryRegistry;
import java.util.Objects;

/**
 * Registers the catalogue's resilience metrics for every breaker and retry policy as gauges that
 * read their running totals at export time, so recording a call costs nothing extra: {@code
 * ossp.resilience.not_permitted}, {@code ossp.resilience.budget.rejections} and {@code
 * ossp.resilience.attempts} (outcome {@code success}, or the error kind code of failed attempts).
 *
 * <p>This class is thread-safe.
 */
final class ResilienceMetrics {
  private final Metrics metrics;

  ResilienceMetrics(Metrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Registers gauges for every breaker and policy of the registries, present and future. */
  void register(DefaultCircuitBreakerRegistry breakers, DefaultRetryRegistry retries) {
    breakers.onCreate(this::registerBreaker);
    retries.onCreate(this::registerPolicy);
  }

  private void registerBreaker(CircuitBreaker breaker) {
    metrics.gauge(
        MetricCatalog.RESILIENCE_NOT_PERMITTED.name(),
        Tags.of(MetricCatalog.TAG_NAME, breaker.name()),
        () -> breaker.metrics().notPermittedCalls());
  }

  private void registerPolicy(RetryPolicy policy) {
    Tags name = Tags.of(MetricCatalog.TAG_NAME, policy.name());
    metrics.gauge(
        MetricCatalog.RESILIENCE_BUDGET_REJECTIONS.name(),
        name,
        () -> policy.metrics().budgetRejections());
    metrics.gauge(
        MetricCatalog.RESILIENCE_ATTEMPTS.name(),
        name.and(MetricCatalog.TAG_OUTCOME, MetricCatalog.OUTCOME_SUCCESS),
        () -> policy.metrics().successfulWithoutRetry() + policy.metrics().successfulAfterRetry());
    if (policy instanceof DefaultRetryPolicy counting) {
      for (ErrorKind kind : ErrorKind.values()) {
        metrics.gauge(
            MetricCatalog.RESILIENCE_ATTEMPTS.name(),
            name.and(MetricCatalog.TAG_OUTCOME, kind.code()),
            () -> counting.failedAttempts(kind));
      }
    }
  }
}
