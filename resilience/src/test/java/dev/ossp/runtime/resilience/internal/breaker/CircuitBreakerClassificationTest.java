package dev.ossp.runtime.resilience.internal.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerMetrics;
import dev.ossp.runtime.resilience.internal.ManualTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every classification case through every way of calling: a supplier, a callable, a completion
 * stage, and a callable submitted to an executor must give the same recorded outcome and surface
 * the same exception type.
 */
class CircuitBreakerClassificationTest {
  private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2);

  @AfterAll
  static void stopExecutor() throws InterruptedException {
    EXECUTOR.shutdownNow();
    assertThat(EXECUTOR.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  /** What the call surfaced: the exception's type (or the result) and what the breaker recorded. */
  record Observed(String surfaced, int buffered, int failed) {}

  /** A way of calling the breaker with an operation that throws {@code error} or returns. */
  enum Variant {
    SUPPLIER {
      @Override
      String call(CircuitBreaker breaker, Throwable error, Object result) {
        return String.valueOf(
            breaker.executeSupplier(
                () -> {
                  if (error != null) {
                    throw sneaky(error);
                  }
                  return result;
                }));
      }
    },
    CALLABLE {
      @Override
      String call(CircuitBreaker breaker, Throwable error, Object result) throws Exception {
        return String.valueOf(
            breaker.executeCallable(
                () -> {
                  if (error != null) {
                    throw sneaky(error);
                  }
                  return result;
                }));
      }
    },
    COMPLETION_STAGE {
      @Override
      String call(CircuitBreaker breaker, Throwable error, Object result) throws Exception {
        CompletableFuture<Object> stage =
            breaker
                .executeCompletionStage(
                    () ->
                        CompletableFuture.supplyAsync(
                            () -> {
                              if (error != null) {
                                throw sneaky(error);
                              }
                              return result;
                            },
                            EXECUTOR))
                .toCompletableFuture();
        try {
          return String.valueOf(stage.join());
        } catch (CompletionException e) {
          throw sneaky(e.getCause());
        }
      }
    },
    EXECUTOR_SUBMITTED {
      @Override
      String call(CircuitBreaker breaker, Throwable error, Object result) throws Exception {
        try {
          return String.valueOf(
              EXECUTOR
                  .submit(
                      () ->
                          breaker.executeCallable(
                              () -> {
                                if (error != null) {
                                  throw sneaky(error);
                                }
                                return result;
                              }))
                  .get(5, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          throw sneaky(e.getCause());
        }
      }
    };

    abstract String call(CircuitBreaker breaker, Throwable error, Object result) throws Exception;
  }

  @SuppressWarnings("unchecked")
  static <E extends Throwable> E sneaky(Throwable error) throws E {
    throw (E) error;
  }

  /** A classification case: a configuration, what the call does, and the expected record. */
  record Case(
      String name,
      Function<CircuitBreakerConfig.Builder, CircuitBreakerConfig.Builder> config,
      Throwable error,
      Object result,
      Observed expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    IOException reset = new IOException("connection reset");
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "unclassified counts as failure",
            builder -> builder,
            new IllegalStateException("boom"),
            null,
            new Observed("IllegalStateException", 1, 1)));
    cases.add(
        new Case(
            "checked exception counts as failure",
            builder -> builder,
            reset,
            null,
            new Observed("IOException", 1, 1)));
    cases.add(
        new Case(
            "ignored class is not recorded",
            builder -> builder.ignoreExceptions(IllegalArgumentException.class),
            new IllegalArgumentException("bad input"),
            null,
            new Observed("IllegalArgumentException", 0, 0)));
    cases.add(
        new Case(
            "ignore wins over record",
            builder ->
                builder
                    .ignoreExceptions(IllegalArgumentException.class)
                    .recordExceptions(RuntimeException.class),
            new IllegalArgumentException("bad input"),
            null,
            new Observed("IllegalArgumentException", 0, 0)));
    cases.add(
        new Case(
            "ignored error kind is not recorded",
            builder -> builder.ignoreErrorKinds(ErrorKind.NOT_FOUND),
            new OsspException(ErrorKind.NOT_FOUND, "no such agent"),
            null,
            new Observed("OsspException", 0, 0)));
    cases.add(
        new Case(
            "unclassified counts as success when asked",
            builder ->
                builder.recordExceptions(IOException.class).recordUnclassifiedExceptions(false),
            new IllegalStateException("not our concern"),
            null,
            new Observed("IllegalStateException", 1, 0)));
    cases.add(
        new Case(
            "wrapped failure is unwrapped before classification",
            builder ->
                builder.recordExceptions(IOException.class).recordUnclassifiedExceptions(false),
            new CompletionException(reset),
            null,
            new Observed("*IOException", 1, 1)));
    cases.add(
        new Case(
            "result predicate marks a failure",
            builder -> builder.recordResult(result -> Integer.valueOf(503).equals(result)),
            null,
            503,
            new Observed("503", 1, 1)));
    cases.add(
        new Case(
            "other results are successes",
            builder -> builder.recordResult(result -> Integer.valueOf(503).equals(result)),
            null,
            200,
            new Observed("200", 1, 0)));
    List<Arguments> arguments = new ArrayList<>();
    for (Case testCase : cases) {
      for (Variant variant : Variant.values()) {
        arguments.add(Arguments.of(testCase, variant));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} via {1}")
  @MethodSource("cases")
  void classifiesTheSameWayInEveryVariant(Case testCase, Variant variant) {
    // given a breaker configured for the case
    CircuitBreakerConfig config =
        testCase.config().apply(CircuitBreakerConfig.builder().failureThreshold(0)).build();
    CircuitBreaker breaker = new DefaultCircuitBreaker("classify", config, new ManualTime(), null);

    // when the call runs through the variant
    String surfaced;
    try {
      surfaced = variant.call(breaker, testCase.error(), testCase.result());
    } catch (Throwable error) {
      surfaced = error.getClass().getSimpleName();
    }

    // then it surfaced the original type and recorded the expected outcome
    CircuitBreakerMetrics metrics = breaker.metrics();
    String expected = testCase.expected().surfaced();
    if (expected.startsWith("*")) {
      // A synchronous call rethrows the wrapper it got; a stage completes with the cause.
      assertThat(surfaced).isIn("CompletionException", expected.substring(1));
    } else {
      assertThat(surfaced).isEqualTo(expected);
    }
    assertThat(metrics.bufferedCalls()).isEqualTo(testCase.expected().buffered());
    assertThat(metrics.failedCalls()).isEqualTo(testCase.expected().failed());
  }
}
