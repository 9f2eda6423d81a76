package dev.ossp.runtime.resilience.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.component.ComponentBinder;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import dev.ossp.runtime.resilience.RetryPolicy;
import dev.ossp.runtime.resilience.RetryRegistry;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The component's diagnostics entry in a real runtime, read through the injector's set. */
class ResilienceDiagnosticsSourceTest {
  @TempDir Path directory;

  /**
   * Every {@link DiagnosticsSource} the runtime's injector contains, as the metrics module reads.
   */
  public static final class Sources {
    final Set<DiagnosticsSource> all;

    @Inject
    public Sources(Set<DiagnosticsSource> all) {
      this.all = all;
    }
  }

  /** Binds {@link Sources}, so a test can read the set without the metrics module. */
  private static final class SourcesReader implements RuntimeComponent {
    @Override
    public String name() {
      return "diagnostics-sources-reader";
    }

    @Override
    public void configure(ComponentBinder binder) {
      binder.bind(Sources.class, Sources.class);
    }
  }

  private OsspRuntime.Builder runtime() {
    return TestRuntimes.withoutNode(directory).addComponent(new SourcesReader());
  }

  private static DiagnosticsSource resilienceSource(OsspRuntime runtime) {
    List<DiagnosticsSource> sources =
        runtime.instance(Sources.class).all.stream()
            .filter(source -> source.name().equals("resilience"))
            .toList();
    assertThat(sources).hasSize(1);
    return sources.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> stats, String name) {
    assertThat(stats).containsKey(name);
    return (Map<String, Object>) stats.get(name);
  }

  private static String failingCall() {
    throw new OsspException(ErrorKind.SERVER, "503");
  }

  @Test
  void statsReflectBreakersPoliciesAndBudgets() {
    // given overrides for one breaker, one policy and one budget that grants no retry
    OsspRuntime.Builder builder =
        runtime()
            .set("resilience.circuit-breakers.payments.failure-threshold", 2)
            .set("resilience.retries.default.base-delay", "0s")
            .set("resilience.retries.default.backoff", "exponential")
            .set("resilience.retries.search.max-attempts", 2)
            .set("resilience.retry-budgets.search.ratio", 0)
            .set("resilience.retry-budgets.search.min-retries-per-second", 0);

    try (OsspRuntime runtime = builder.build()) {
      runtime.start();
      CircuitBreakerRegistry breakers = runtime.instance(CircuitBreakerRegistry.class);
      RetryRegistry retries = runtime.instance(RetryRegistry.class);
      DiagnosticsSource source = resilienceSource(runtime);

      // when payments opens after two failures, inventory is forced open, reports half-opens
      // and catalog stays closed
      CircuitBreaker payments = breakers.circuitBreaker("payments");
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(
                () -> payments.executeSupplier(ResilienceDiagnosticsSourceTest::failingCall))
            .isInstanceOf(OsspException.class);
      }
      breakers.circuitBreaker("inventory").transitionToForcedOpen();
      breakers.circuitBreaker("reports").transitionToHalfOpen();
      breakers.circuitBreaker("catalog");

      // and orders succeeds on its one retry while the search budget rejects the retry
      RetryPolicy orders = retries.retryPolicy("orders");
      int[] calls = {0};
      orders.executeSupplier(() -> ++calls[0] < 2 ? failingCall() : "ok");
      assertThatThrownBy(
              () ->
                  retries
                      .retryPolicy("search")
                      .executeSupplier(ResilienceDiagnosticsSourceTest::failingCall))
          .isInstanceOf(OsspException.class);

      // then the breakers are counted by state, and the open ones are named
      Map<String, Object> stats = source.stats();
      Map<String, Object> circuitBreakers = section(stats, "circuitBreakers");
      assertThat(payments.state()).isEqualTo(CircuitBreaker.State.OPEN);
      assertThat(circuitBreakers)
          .containsEntry("created", 4L)
          .containsEntry("closed", 1L)
          .containsEntry("open", 1L)
          .containsEntry("halfOpen", 1L)
          .containsEntry("forcedOpen", 1L)
          .containsEntry("disabled", 0L)
          .containsEntry("metricsOnly", 0L)
          .containsEntry("openNames", List.of("inventory", "payments"));

      // and the policies' totals include the granted and the rejected retry
      assertThat(section(stats, "retryPolicies"))
          .containsEntry("created", 2L)
          .containsEntry("retries", 1L)
          .containsEntry("failedAfterRetry", 0L)
          .containsEntry("budgetRejections", 1L)
          .containsEntry("deadlineStops", 0L);

      // and the search budget is the exhausted one
      assertThat(section(stats, "retryBudgets"))
          .containsEntry("created", 2L)
          .containsEntry("exhausted", 1L)
          .containsEntry("exhaustedNames", List.of("search"))
          .containsEntry("rejections", 1L);

      // and the configuration is summarized
      assertThat(stats).containsEntry("defaultBackoff", "exponential");
      assertThat(section(stats, "overrides"))
          .containsEntry("circuitBreakers", 1)
          .containsEntry("retries", 1)
          .containsEntry("retryBudgets", 1);
      assertThat(stats).containsEntry("tuningEnabled", false);

      // and the health is the component's own
      assertThat(source.health()).isEqualTo(runtime.health().components().get("resilience"));
      assertThat(source.health().details()).containsEntry("open", 2L);
    }
  }

  @Test
  void openNamesStopAtTheLimit() {
    try (OsspRuntime runtime = runtime().build()) {
      // given more open breakers than the name list can contain
      runtime.start();
      CircuitBreakerRegistry breakers = runtime.instance(CircuitBreakerRegistry.class);
      int count = ResilienceDiagnosticsSource.MAX_LISTED_NAMES + 5;
      IntStream.range(0, count)
          .mapToObj(i -> String.format("target-%02d", i))
          .forEach(name -> breakers.circuitBreaker(name).transitionToOpen());

      // when the source is read
      Map<String, Object> circuitBreakers =
          section(resilienceSource(runtime).stats(), "circuitBreakers");

      // then every breaker is counted, but only the first names in sorted order are listed
      assertThat(circuitBreakers).containsEntry("open", (long) count);
      List<String> expected =
          IntStream.range(0, ResilienceDiagnosticsSource.MAX_LISTED_NAMES)
              .mapToObj(i -> String.format("target-%02d", i))
              .toList();
      assertThat(circuitBreakers).containsEntry("openNames", expected);
    }
  }

  @Test
  void statsAreEmptyAfterStop() {
    // given a runtime whose component had a breaker
    OsspRuntime runtime = runtime().build();
    runtime.start();
    runtime.instance(CircuitBreakerRegistry.class).circuitBreaker("payments");
    DiagnosticsSource source = resilienceSource(runtime);
    assertThat(source.stats()).isNotEmpty();

    // when the runtime stops
    runtime.close();

    // then the source reports no stats and a plain UP
    assertThat(source.stats()).isEmpty();
    assertThat(source.health().details()).isEmpty();
  }
}
