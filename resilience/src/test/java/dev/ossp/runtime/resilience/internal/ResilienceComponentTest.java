package dev.ossp.runtime.resilience.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerConfig.SlidingWindowType;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import dev.ossp.runtime.resilience.ResilienceProvider;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryPolicy;
import dev.ossp.runtime.resilience.RetryRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The component in a real runtime: keys from a YAML file, validation, bindings and health. */
class ResilienceComponentTest {
  @TempDir Path directory;

  private OsspRuntime.Builder runtime() {
    return TestRuntimes.withoutNode(directory);
  }

  private Path yaml(String text) throws Exception {
    Path file = directory.resolve("runtime.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void bindsRegistriesConfiguredFromTheFile() throws Exception {
    // given a configuration with defaults, a per-name override, a preset and a retry policy
    Path file =
        yaml(
            """
            resilience:
              circuit-breakers:
                default:
                  open-duration: 45s
                payments:
                  failure-threshold: 3
                  sliding-window-type: time-based
                  sliding-window-size: 30
                reports:
                  preset: slow-unreliable
              retries:
                payments:
                  max-retries: 2
                  backoff: exponential
                  base-delay: 250ms
                  max-delay: 4s
                  budget: none
            """);

    // when the runtime starts with the component found on the class path
    try (OsspRuntime runtime = runtime().configFile(file).build()) {
      runtime.start();
      CircuitBreakerRegistry breakers = runtime.instance(CircuitBreakerRegistry.class);
      RetryRegistry retries = runtime.instance(RetryRegistry.class);

      // then the breakers carry the configured values over the defaults
      CircuitBreaker payments = breakers.circuitBreaker("payments");
      assertThat(payments.config().failureThreshold()).isEqualTo(3);
      assertThat(payments.config().openDuration()).isEqualTo(Duration.ofSeconds(45));
      assertThat(payments.config().slidingWindowType()).isEqualTo(SlidingWindowType.TIME_BASED);
      assertThat(breakers.circuitBreaker("reports").config().openDuration())
          .isEqualTo(Duration.ofSeconds(120));
      assertThat(breakers.circuitBreaker("other").config().failureThreshold()).isEqualTo(5);
      assertThat(breakers.circuitBreaker("other").config().openDuration())
          .isEqualTo(Duration.ofSeconds(45));

      // and the retry policy too, with the runtime's default strategy elsewhere
      RetryPolicy policy = retries.retryPolicy("payments");
      assertThat(policy.config().maxAttempts()).isEqualTo(3);
      assertThat(policy.config().backoff()).isEqualTo("exponential");
      assertThat(policy.config().baseDelay()).isEqualTo(Duration.ofMillis(250));
      assertThat(policy.config().budgetEnabled()).isFalse();
      assertThat(retries.retryPolicy("search").config().backoff()).isEqualTo("decorrelated-jitter");

      // and health lists the breakers
      payments.transitionToForcedOpen();
      ComponentHealth health = runtime.health().components().get("resilience");
      assertThat(health.details()).containsEntry("open", 1L);
    }
  }

  @Test
  void badValueFailsWithTheRuntimeMessage() throws Exception {
    // given a negative failure threshold
    Path file =
        yaml(
            """
            resilience:
              circuit-breakers:
                payments:
                  failure-threshold: -1
            """);

    // when the runtime is built, it fails naming the key and the valid range
    assertThatThrownBy(() -> runtime().configFile(file).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("resilience.circuit-breakers.payments.failure-threshold")
        .hasMessageContaining("must be in 0..1000000");
  }

  @Test
  void unknownPresetListsTheKnownOnes() throws Exception {
    assertThatThrownBy(() -> runtime().set("resilience.retries.search.preset", "turbo").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("resilience.retries.search.preset")
        .hasMessageContaining("network");
  }

  @Test
  void conflictingValuesFailAtStartNamingTheKey() throws Exception {
    // given a max delay below the base delay, and both max-attempts and max-retries
    OsspRuntime.Builder builder =
        runtime()
            .set("resilience.retries.search.base-delay", "2s")
            .set("resilience.retries.search.max-delay", "1s")
            .set("resilience.retries.orders.max-attempts", 3)
            .set("resilience.retries.orders.max-retries", 5);

    // when the runtime starts, it fails and names both problems
    try (OsspRuntime runtime = builder.build()) {
      assertThatThrownBy(runtime::start)
          .isInstanceOf(OsspException.class)
          .hasMessageContaining("resilience.retries.search.max-delay")
          .hasMessageContaining("resilience.retries.orders.max-retries");
    }
  }

  @Test
  void breakerConflictNamesBreakerNotOneKey() throws Exception {
    // given a maximum open duration below the open duration
    OsspRuntime.Builder builder =
        runtime()
            .set("resilience.circuit-breakers.payments.open-duration", "60s")
            .set("resilience.circuit-breakers.payments.max-open-duration", "1s");

    // when the runtime starts, it fails as a configuration error on that breaker
    try (OsspRuntime runtime = builder.build()) {
      ConfigException e = catchThrowableOfType(ConfigException.class, runtime::start);

      // then
      assertThat(e.violations()).hasSize(1);
      assertThat(e.violations().get(0).field()).isEqualTo("resilience.circuit-breakers.payments");
      assertThat(e.violations().get(0).message()).containsIgnoringCase("maxOpenDuration");
    }
  }

  @Test
  void unknownBackoffStrategyFailsAtStart() throws Exception {
    try (OsspRuntime runtime =
        runtime().set("resilience.retries.search.backoff", "fibonacci").build()) {
      assertThatThrownBy(runtime::start)
          .isInstanceOf(OsspException.class)
          .hasMessageContaining("fibonacci")
          .hasMessageContaining("decorrelated-jitter");
    }
  }

  @Test
  void tunerRunsWhenEnabled() throws Exception {
    OsspRuntime.Builder builder =
        runtime()
            .set("resilience.tuning.enabled", true)
            .set("resilience.tuning.interval", "1h")
            .set("resilience.tuning.failure-threshold-min", 2);

    try (OsspRuntime runtime = builder.build()) {
      runtime.start();
      assertThat(runtime.components()).contains("resilience");
    }
  }

  @Test
  void providerServesPlainJavaWithoutARuntime() {
    // given the provider found with ServiceLoader
    ResilienceProvider provider = ResilienceProvider.load();

    // when a policy retries a failing call
    RetryRegistry retries =
        provider.retryRegistry(
            RetryConfig.builder().baseDelay(Duration.ZERO).maxAttempts(2).build(),
            dev.ossp.runtime.resilience.RetryBudgetConfig.defaults());
    int[] calls = {0};
    assertThatThrownBy(
            () ->
                retries
                    .retryPolicy("plain")
                    .executeSupplier(
                        () -> {
                          calls[0]++;
                          throw new OsspException(ErrorKind.NETWORK, "down");
                        }))
        .isInstanceOf(OsspException.class);

    // then both attempts ran
    assertThat(calls[0]).isEqualTo(2);
    assertThat(
            provider
                .circuitBreakerRegistry(dev.ossp.runtime.resilience.CircuitBreakerConfig.defaults())
                .circuitBreaker("plain")
                .state())
        .isEqualTo(CircuitBreaker.State.CLOSED);
  }
}
