package dev.ossp.runtime.resilience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import dev.ossp.runtime.resilience.ResilienceProvider;
import dev.ossp.runtime.resilience.RetryBudgetConfig;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryPolicy;
import dev.ossp.runtime.resilience.RetryRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The examples of resilience/README.md, compiled and run. */
class ReadmeExampleTest {
  /** The README's client: a breaker inside a retry policy, both per target. */
  static final class PriceClient {
    private final CircuitBreaker breaker;
    private final RetryPolicy retry;
    private final Function<String, Integer> http;

    // In a component this constructor carries @jakarta.inject.Inject.
    PriceClient(
        CircuitBreakerRegistry breakers, RetryRegistry retries, Function<String, Integer> http) {
      this.breaker = breakers.circuitBreaker("urn:agent:shop:prices");
      this.retry = retries.retryPolicy("urn:agent:shop:prices");
      this.http = http;
    }

    int price(String sku) {
      return retry.executeSupplier(() -> breaker.executeSupplier(() -> http.apply(sku)));
    }
  }

  @Test
  void plainJavaClientRetriesThroughItsBreaker() {
    // given registries from the provider, as the README shows
    ResilienceProvider provider = ResilienceProvider.load();
    CircuitBreakerRegistry breakers =
        provider.circuitBreakerRegistry(CircuitBreakerConfig.preset("critical"));
    RetryRegistry retries =
        provider.retryRegistry(
            RetryConfig.from(RetryConfig.preset("network"))
                .baseDelay(Duration.ZERO)
                .maxDelay(Duration.ZERO)
                .build(),
            RetryBudgetConfig.defaults());
    AtomicInteger calls = new AtomicInteger();
    PriceClient client =
        new PriceClient(
            breakers,
            retries,
            sku -> {
              if (calls.incrementAndGet() == 1) {
                throw new OsspException(ErrorKind.NETWORK, "connection reset");
              }
              return 1299;
            });

    // when a price is fetched and the first attempt fails
    int price = client.price("sku-1");

    // then the retry succeeded and the breaker recorded both calls
    assertThat(price).isEqualTo(1299);
    assertThat(calls.get()).isEqualTo(2);
    assertThat(breakers.circuitBreaker("urn:agent:shop:prices").metrics().totalFailedCalls())
        .isEqualTo(1);
  }
}
