package dev.ossp.runtime.a2a;

import dev.ossp.runtime.a2a.internal.http.ClientSettings;
import dev.ossp.runtime.a2a.internal.http.DefaultAgentHttpClient;
import dev.ossp.runtime.a2a.internal.http.HttpTransport;
import dev.ossp.runtime.a2a.internal.http.Sleeper;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import dev.ossp.runtime.resilience.ResilienceProvider;
import dev.ossp.runtime.resilience.RetryBudgetConfig;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Builds agent clients for tests over the real resilience module: breakers that open after 3
 * consecutive failures, retries with 3 attempts and a 10 ms base delay, and a sleeper that records
 * each wait before sleeping it.
 */
public final class TestClients implements AutoCloseable {
  public final DefaultAgentHttpClient client;
  public final CircuitBreakerRegistry breakers;
  public final RetryRegistry retries;
  public final List<Duration> waits = new CopyOnWriteArrayList<>();

  private TestClients(ClientSettings settings, int maxAttempts) {
    ResilienceProvider provider = ResilienceProvider.load();
    this.breakers =
        provider.circuitBreakerRegistry(
            CircuitBreakerConfig.builder()
                .failureThreshold(3)
                .successThreshold(1)
                .openDuration(Duration.ofMinutes(5))
                .build());
    this.retries =
        provider.retryRegistry(
            RetryConfig.builder()
                .maxAttempts(maxAttempts)
                .baseDelay(Duration.ofMillis(10))
                .maxDelay(Duration.ofSeconds(2))
                .build(),
            RetryBudgetConfig.builder().minRetriesPerSecond(100).build());
    Sleeper recording =
        duration -> {
          waits.add(duration);
          Sleeper.THREAD.sleep(duration);
        };
    this.client =
        DefaultAgentHttpClient.builder(
                new HttpTransport(settings, null, SystemDefaultDnsResolver.INSTANCE))
            .breakers(breakers)
            .retries(retries)
            .sleeper(recording)
            .build();
  }

  /** Returns clients with {@code settings} and 3 attempts per call. */
  public static TestClients of(ClientSettings settings) {
    return new TestClients(settings, 3);
  }

  /** Returns clients with {@code settings} and {@code maxAttempts} attempts per call. */
  public static TestClients of(ClientSettings settings, int maxAttempts) {
    return new TestClients(settings, maxAttempts);
  }

  @Override
  public void close() {
    client.close();
  }
}
