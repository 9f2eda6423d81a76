package dev.ossp.runtime.resilience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.RetryBudgetConfig;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryPolicy;
import dev.ossp.runtime.resilience.internal.backoff.BackoffStrategies;
import dev.ossp.runtime.resilience.internal.breaker.DefaultCircuitBreakerRegistry;
import dev.ossp.runtime.resilience.internal.retry.DefaultRetryRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class ResilienceMetricsTest {
  /** An in-memory metrics facade that keeps the registered gauges. */
  static final class GaugeMetrics implements Metrics {
    final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();

    @Override
    public Counter counter(String name, Tags tags) {
      return Metrics.noop().counter(name, tags);
    }

    @Override
    public Timer timer(String name, Tags tags) {
      return Metrics.noop().timer(name, tags);
    }

    @Override
    public Histogram histogram(String name, Tags tags) {
      return Metrics.noop().histogram(name, tags);
    }

    @Override
    public void gauge(String name, Tags tags, DoubleSupplier value) {
      gauges.put(name + tags, value);
    }

    double read(String name, Tags tags) {
      return gauges.get(name + tags).getAsDouble();
    }
  }

  @Test
  void gaugesReadBreakerAndPolicyTotals() {
    // given registries whose metrics are registered, one breaker created before and one policy
    // after
    ManualTime time = new ManualTime();
    DefaultCircuitBreakerRegistry breakers =
        new DefaultCircuitBreakerRegistry(CircuitBreakerConfig.defaults(), Map.of(), time, null);
    DefaultRetryRegistry retries =
        new DefaultRetryRegistry(
            RetryConfig.builder().baseDelay(Duration.ZERO).maxDelay(Duration.ZERO).build(),
            Map.of(),
            RetryBudgetConfig.defaults(),
            Map.of(),
            new DefaultRetryRegistry.Services(
                BackoffStrategies.load(),
                time,
                new RecordingSleeper(time),
                new ManualScheduler(time),
                () -> new Random(1)));
    CircuitBreaker breaker = breakers.circuitBreaker("cart");
    GaugeMetrics metrics = new GaugeMetrics();
    new ResilienceMetrics(metrics).register(breakers, retries);
    RetryPolicy policy = retries.retryPolicy("cart");

    // when the breaker rejects a call and the policy fails twice on timeouts, then succeeds
    breaker.transitionToForcedOpen();
    breaker.tryAcquirePermission();
    int[] calls = {0};
    policy.executeSupplier(
        () -> {
          if (++calls[0] < 3) {
            throw new OsspException(ErrorKind.SERVER, "503");
          }
          return "ok";
        });

    // then the gauges read those totals under the catalogue's names and tags
    Tags name = Tags.of("name", "cart");
    assertThat(metrics.read("ossp.resilience.not_permitted", name)).isEqualTo(1.0);
    assertThat(metrics.read("ossp.resilience.attempts", name.and("outcome", "success")))
        .isEqualTo(1.0);
    assertThat(metrics.read("ossp.resilience.attempts", name.and("outcome", "server")))
        .isEqualTo(2.0);
    assertThat(metrics.read("ossp.resilience.budget.rejections", name)).isZero();
  }
}
