package dev.ossp.runtime.resilience.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every retry classification case through a callable, a supplier, a completion stage and a callable
 * submitted to an executor: the same number of calls and the same surfaced error.
 */
class RetryClassificationTest {
  private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor();

  @AfterAll
  static void stopExecutor() throws InterruptedException {
    EXECUTOR.shutdownNow();
    assertThat(EXECUTOR.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  enum Variant {
    CALLABLE,
    SUPPLIER,
    COMPLETION_STAGE,
    EXECUTOR_SUBMITTED
  }

  /** A case: configuration, what each attempt does, and the expected calls and error. */
  record Case(
      String name,
      UnaryOperator<RetryConfig.Builder> config,
      Throwable error,
      int expectedCalls,
      String expectedError,
      String expectedCause) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "non-retryable is thrown unchanged",
            builder -> builder,
            new OsspException(ErrorKind.VALIDATION, "bad input"),
            1,
            "OsspException",
            "none"));
    cases.add(
        new Case(
            "retryable kind is retried to exhaustion",
            builder -> builder,
            new OsspException(ErrorKind.NETWORK, "reset"),
            3,
            "RetryExhaustedException",
            "OsspException"));
    cases.add(
        new Case(
            "checked network failure is retried",
            builder -> builder,
            new IOException("connection refused"),
            3,
            "RetryExhaustedException",
            "IOException"));
    cases.add(
        new Case(
            "wrapped failure is unwrapped",
            builder -> builder,
            new CompletionException(new IOException("connection refused")),
            3,
            "RetryExhaustedException",
            "IOException"));
    cases.add(
        new Case(
            "abort predicate stops at once",
            builder -> builder.abortOn(error -> error instanceof IOException),
            new IOException("certificate rejected"),
            1,
            "IOException",
            "none"));
    cases.add(
        new Case(
            "rethrow mode surfaces the last failure",
            builder -> builder.onExhaustion(RetryConfig.OnExhaustion.RETHROW),
            new OsspException(ErrorKind.SERVER, "502"),
            3,
            "OsspException",
            "none"));
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
    // given a 3-attempt policy that retries at once, configured for the case
    RetryFixture fixture = new RetryFixture();
    RetryPolicy policy =
        fixture.policy(
            testCase
                .config()
                .apply(
                    RetryConfig.builder()
                        .maxAttempts(3)
                        .baseDelay(Duration.ZERO)
                        .maxDelay(Duration.ZERO))
                .build());
    AtomicInteger calls = new AtomicInteger();

    // when the call runs through the variant
    Throwable surfaced = run(policy, variant, testCase.error(), calls, fixture);

    // then the calls and the surfaced error match the case
    assertThat(calls.get()).isEqualTo(testCase.expectedCalls());
    assertThat(surfaced.getClass().getSimpleName()).isEqualTo(testCase.expectedError());
    String cause =
        surfaced.getCause() == null ? "none" : surfaced.getCause().getClass().getSimpleName();
    assertThat(cause).isEqualTo(testCase.expectedCause());
  }

  private static Throwable run(
      RetryPolicy policy,
      Variant variant,
      Throwable error,
      AtomicInteger calls,
      RetryFixture fixture) {
    try {
      switch (variant) {
        case CALLABLE -> policy.executeCallable(() -> fail(calls, error));
        case SUPPLIER -> policy.executeSupplier(() -> fail(calls, error));
        case COMPLETION_STAGE -> {
          CompletableFuture<Object> result =
              policy
                  .executeCompletionStage(
                      () -> CompletableFuture.supplyAsync(() -> fail(calls, error), Runnable::run))
                  .toCompletableFuture();
          // Retries wait on the manual scheduler, even with a zero delay.
          for (int step = 0; step < 10 && !result.isDone(); step++) {
            fixture.scheduler.runDue();
          }
          assertThat(result).isDone();
          result.join();
        }
        case EXECUTOR_SUBMITTED ->
            EXECUTOR
                .submit(() -> policy.executeCallable(() -> fail(calls, error)))
                .get(5, TimeUnit.SECONDS);
      }
    } catch (CompletionException | ExecutionException e) {
      return e.getCause();
    } catch (Throwable e) {
      return e;
    }
    throw new AssertionError("the call succeeded, but every attempt fails");
  }

  private static Object fail(AtomicInteger calls, Throwable error) {
    calls.incrementAndGet();
    throw RetryAttemptCountTest.<RuntimeException>sneaky(error);
  }
}
