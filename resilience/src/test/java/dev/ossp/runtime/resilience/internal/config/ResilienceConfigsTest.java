package dev.ossp.runtime.resilience.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.resilience.AdaptiveTuningConfig;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerConfig.Classification;
import dev.ossp.runtime.resilience.CircuitBreakerConfig.SlidingWindowType;
import dev.ossp.runtime.resilience.RetryAfter;
import dev.ossp.runtime.resilience.RetryBudgetConfig;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryExhaustedException;
import dev.ossp.runtime.resilience.RetryPredicates;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The public configuration types: validation messages, presets and pure helpers. */
class ResilienceConfigsTest {
  @Test
  void breakerSettersNamePropertyValueAndRange() {
    assertThatThrownBy(() -> CircuitBreakerConfig.builder().failureThreshold(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failureThreshold must be in 0..1000000, was -1");
    assertThatThrownBy(() -> CircuitBreakerConfig.builder().failureRateThreshold(101))
        .hasMessage("failureRateThreshold must be in 0.0..100.0, was 101.0");
    assertThatThrownBy(() -> CircuitBreakerConfig.builder().openDuration(Duration.ZERO))
        .hasMessage("openDuration must be positive, was PT0S");
    assertThatThrownBy(() -> CircuitBreakerConfig.builder().permittedCallsInHalfOpen(0))
        .hasMessage("permittedCallsInHalfOpen must be in 1..10000, was 0");
  }

  @Test
  void breakerBuildRejectsConflicts() {
    assertThatThrownBy(
            () ->
                CircuitBreakerConfig.builder()
                    .openDuration(Duration.ofMinutes(40))
                    .maxOpenDuration(Duration.ofMinutes(30))
                    .build())
        .hasMessage("maxOpenDuration (PT30M) must be at least openDuration (PT40M)");
    assertThatThrownBy(
            () ->
                CircuitBreakerConfig.builder()
                    .slidingWindowType(SlidingWindowType.TIME_BASED)
                    .slidingWindowSize(7200)
                    .build())
        .hasMessageContaining("time-based window must be in 1..3600 seconds, was 7200");
  }

  @Test
  void breakerPresetsMatchTheTable() {
    assertPreset("fast-reliable", 3, 2, 30);
    assertPreset("slow-reliable", 2, 1, 60);
    assertPreset("fast-unreliable", 5, 3, 30);
    assertPreset("slow-unreliable", 3, 2, 120);
    assertPreset("critical", 2, 1, 30);
  }

  private static void assertPreset(String name, int failures, int successes, long openSeconds) {
    CircuitBreakerConfig preset = CircuitBreakerConfig.preset(name);
    assertThat(preset.failureThreshold()).as(name).isEqualTo(failures);
    assertThat(preset.successThreshold()).as(name).isEqualTo(successes);
    assertThat(preset.openDuration()).as(name).isEqualTo(Duration.ofSeconds(openSeconds));
  }

  @Test
  void breakerDefaultsMatchTheDocumentation() {
    CircuitBreakerConfig defaults = CircuitBreakerConfig.defaults();
    assertThat(defaults.failureThreshold()).isEqualTo(5);
    assertThat(defaults.successThreshold()).isEqualTo(3);
    assertThat(defaults.openDuration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.permittedCallsInHalfOpen()).isEqualTo(1);
    assertThat(defaults.slowCallDurationThreshold()).isEmpty();
  }

  @Test
  void ignoreWinsAndWrappersAreRemoved() {
    CircuitBreakerConfig config =
        CircuitBreakerConfig.builder()
            .ignoreExceptions(IllegalArgumentException.class)
            .recordExceptions(IllegalArgumentException.class, IOException.class)
            .recordUnclassifiedExceptions(false)
            .build();
    assertThat(config.classify(new IllegalArgumentException())).isEqualTo(Classification.IGNORED);
    assertThat(config.classify(new ExecutionException(new CompletionException(new IOException()))))
        .isEqualTo(Classification.FAILURE);
    assertThat(config.classify(new IllegalStateException())).isEqualTo(Classification.SUCCESS);
  }

  @Test
  void openDurationGrowsAndIsCapped() {
    CircuitBreakerConfig config =
        CircuitBreakerConfig.builder()
            .openDuration(Duration.ofSeconds(10))
            .openDurationMultiplier(3)
            .maxOpenDuration(Duration.ofMinutes(1))
            .build();
    assertThat(config.openDurationFor(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.openDurationFor(2)).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.openDurationFor(3)).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.openDurationFor(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(1));
    CircuitBreakerConfig custom =
        CircuitBreakerConfig.from(config)
            .openDurationFunction(openings -> Duration.ofHours(openings))
            .build();
    assertThat(custom.openDurationFor(1)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void retrySettersNamePropertyValueAndRange() {
    assertThatThrownBy(() -> RetryConfig.builder().maxAttempts(0))
        .hasMessage("maxAttempts must be in 1..1000, was 0");
    assertThatThrownBy(() -> RetryConfig.builder().jitterFactor(1.5))
        .hasMessage("jitterFactor must be in 0.0..1.0, was 1.5");
    assertThatThrownBy(() -> RetryConfig.builder().backoff("Exponential"))
        .hasMessageContaining("backoff must be lower-case letters, digits and dashes");
    assertThatThrownBy(
            () ->
                RetryConfig.builder()
                    .baseDelay(Duration.ofSeconds(2))
                    .maxDelay(Duration.ofSeconds(1))
                    .build())
        .hasMessage("maxDelay (PT1S) must be at least baseDelay (PT2S)");
    assertThat(RetryConfig.builder().maxRetries(3).build().maxAttempts()).isEqualTo(4);
  }

  @Test
  void retryPresetsMatchTheTable() {
    assertRetryPreset("network", 4, 1_000, 10_000, 2.0, "decorrelated-jitter");
    assertRetryPreset("database", 3, 500, 5_000, 1.5, "decorrelated-jitter");
    assertRetryPreset("file", 2, 200, 1_000, 1.0, "fixed");
    assertRetryPreset("api", 4, 1_000, 15_000, 2.0, "decorrelated-jitter");
    assertRetryPreset("critical", 6, 500, 30_000, 2.0, "decorrelated-jitter");
    assertRetryPreset("fast", 3, 100, 1_000, 2.0, "exponential");
    assertRetryPreset("standard", 4, 1_000, 10_000, 2.0, "exponential");
    assertRetryPreset("slow", 6, 2_000, 30_000, 2.0, "exponential");
    assertRetryPreset("immediate", 4, 0, 0, 1.0, "fixed");
    assertRetryPreset("linear", 4, 1_000, 10_000, 1.0, "linear");
    assertThat(RetryConfig.preset("immediate").backoffSettings()).isEmpty();
  }

  private static void assertRetryPreset(
      String name,
      int attempts,
      long baseMillis,
      long maxMillis,
      double multiplier,
      String backoff) {
    RetryConfig preset = RetryConfig.preset(name);
    assertThat(preset.maxAttempts()).as(name).isEqualTo(attempts);
    assertThat(preset.baseDelay()).as(name).isEqualTo(Duration.ofMillis(baseMillis));
    assertThat(preset.maxDelay()).as(name).isEqualTo(Duration.ofMillis(maxMillis));
    assertThat(preset.multiplier()).as(name).isEqualTo(multiplier);
    assertThat(preset.backoff()).as(name).isEqualTo(backoff);
  }

  @Test
  void defaultRetryPredicateRetriesOnlyTransientFailures() {
    assertThat(RetryPredicates.isTransient(new OsspException(ErrorKind.NETWORK, "reset"), false))
        .isTrue();
    assertThat(RetryPredicates.isTransient(new OsspException(ErrorKind.SERVER, "502"), false))
        .isTrue();
    assertThat(RetryPredicates.isTransient(new OsspException(ErrorKind.RATE_LIMITED, "429"), false))
        .isTrue();
    assertThat(RetryPredicates.isTransient(new OsspException(ErrorKind.TIMEOUT, "slow"), false))
        .isFalse();
    assertThat(RetryPredicates.isTransient(new OsspException(ErrorKind.TIMEOUT, "slow"), true))
        .isTrue();
    for (ErrorKind never :
        new ErrorKind[] {
          ErrorKind.VALIDATION,
          ErrorKind.AUTH,
          ErrorKind.NOT_FOUND,
          ErrorKind.CIRCUIT_OPEN,
          ErrorKind.CANCELLED
        }) {
      OsspException error = new OsspException(never, "no", null, ErrorContext.empty(), true);
      assertThat(RetryPredicates.isTransient(error, true)).as(never.code()).isFalse();
    }
    assertThat(RetryPredicates.isTransient(new IOException("reset"), false)).isTrue();
    assertThat(RetryPredicates.isTransient(new SocketTimeoutException(), false)).isFalse();
    assertThat(RetryPredicates.isTransient(new SocketTimeoutException(), true)).isTrue();
    assertThat(RetryPredicates.isTransient(new IllegalStateException(), true)).isFalse();
    assertThat(RetryConfig.defaults().isRetryable(new InterruptedException())).isFalse();
  }

  @Test
  void retryAfterReadsSecondsAndHttpDates() {
    Instant now = Instant.parse("2015-10-21T07:27:00Z");
    assertThat(RetryAfter.parse("120", now)).hasValue(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", now)).hasValue(Duration.ZERO);
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now))
        .hasValue(Duration.ofSeconds(60));
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:26:00 GMT", now)).hasValue(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", now)).isEmpty();
    assertThat(RetryAfter.parse("-5", now)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999999", now)).isEmpty();
  }

  @Test
  void exhaustedErrorCarriesAttemptsAndTheLastFailure() {
    OsspException last =
        new OsspException(
            ErrorKind.SERVER,
            "502 from peer",
            null,
            ErrorContext.builder().target("urn:agent:ai:ml").httpStatus(502).build());
    RetryExhaustedException exhausted =
        new RetryExhaustedException("ml", 4, RetryExhaustedException.Reason.MAX_ATTEMPTS, last);
    assertThat(exhausted.kind()).isEqualTo(ErrorKind.SERVER);
    assertThat(exhausted.retryable()).isFalse();
    assertThat(exhausted.attempts()).isEqualTo(4);
    assertThat(exhausted.context().attempts()).isEqualTo(4);
    assertThat(exhausted.context().httpStatus()).hasValue(502);
    assertThat(exhausted.getCause()).isSameAs(last);
    assertThat(exhausted.getMessage()).contains("gave up after 4 attempts");
  }

  @Test
  void budgetAndTuningConfigsRejectBadValues() {
    assertThatThrownBy(() -> RetryBudgetConfig.builder().window(Duration.ofMillis(1500)))
        .hasMessage("window must be whole seconds in 1s..3600s, was PT1.5S");
    assertThatThrownBy(() -> RetryBudgetConfig.builder().ratio(-0.1))
        .hasMessage("ratio must be in 0.0..10.0, was -0.1");
    assertThatThrownBy(() -> AdaptiveTuningConfig.builder().failureThresholdBounds(5, 2))
        .hasMessage("maxFailureThreshold must be in 5..1000000, was 2");
    assertThatThrownBy(
            () -> AdaptiveTuningConfig.builder().lowFailureRate(60).highFailureRate(50).build())
        .hasMessage("lowFailureRate (60.0) must be below highFailureRate (50.0)");
  }
}
