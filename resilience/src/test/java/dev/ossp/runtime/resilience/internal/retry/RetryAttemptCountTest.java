package dev.ossp.runtime.resilience.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryConfig.OnExhaustion;
import dev.ossp.runtime.resilience.RetryExhaustedException;
import dev.ossp.runtime.resilience.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * maxAttempts = N makes exactly N calls of an operation that always fails retryably, in every
 * combination of exhaustion mode, fallback, abort predicate and way of calling.
 */
class RetryAttemptCountTest {
  enum Call {
    CALLABLE,
    SUPPLIER,
    SUPPLIER_WITH_FALLBACK,
    COMPLETION_STAGE
  }

  enum Abort {
    NONE,
    NOT_MATCHING
  }

  static Stream<Arguments> table() {
    List<Arguments> rows = new ArrayList<>();
    for (int attempts = 1; attempts <= 4; attempts++) {
      for (OnExhaustion exhaustion : OnExhaustion.values()) {
        for (Abort abort : Abort.values()) {
          for (Call call : Call.values()) {
            rows.add(Arguments.of(attempts, exhaustion, abort, call));
          }
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "maxAttempts={0}, {1}, abort {2}, {3}")
  @MethodSource("table")
  void makesExactlyMaxAttemptsCalls(
      int maxAttempts, OnExhaustion exhaustion, Abort abort, Call call) {
    // given a policy with N attempts and an operation that always fails with a network error
    RetryFixture fixture = new RetryFixture();
    Predicate<Throwable> abortOn =
        abort == Abort.NONE ? null : error -> error instanceof IllegalStateException;
    RetryPolicy policy =
        fixture.policy(
            RetryConfig.builder()
                .maxAttempts(maxAttempts)
                .baseDelay(Duration.ofMillis(10))
                .onExhaustion(exhaustion)
                .abortOn(abortOn)
                .build());
    AtomicInteger calls = new AtomicInteger();
    IOException failure = new IOException("connection refused");

    // when the call runs
    Object outcome = run(policy, call, fixture, calls, failure);

    // then the operation ran exactly N times
    assertThat(calls.get()).isEqualTo(maxAttempts);

    // and the outcome is the fallback's value, the wrapper or the last failure
    if (call == Call.SUPPLIER_WITH_FALLBACK) {
      assertThat(outcome).isEqualTo("fallback");
    } else if (exhaustion == OnExhaustion.WRAP) {
      assertThat(outcome).isInstanceOf(RetryExhaustedException.class);
      RetryExhaustedException exhausted = (RetryExhaustedException) outcome;
      assertThat(exhausted.attempts()).isEqualTo(maxAttempts);
      assertThat(exhausted.getCause()).isSameAs(failure);
    } else {
      assertThat(outcome).isSameAs(failure);
    }
    assertThat(policy.metrics().retries()).isEqualTo(maxAttempts - 1L);
    assertThat(policy.metrics().calls()).isEqualTo(1);
  }

  @ParameterizedTest(name = "maxAttempts={0}, {1}, abort {2}, {3}")
  @MethodSource("table")
  void abortMatchStopsAfterOneCall(
      int maxAttempts, OnExhaustion exhaustion, Abort abort, Call call) {
    // given a policy whose abort predicate matches the failure
    RetryFixture fixture = new RetryFixture();
    RetryPolicy policy =
        fixture.policy(
            RetryConfig.builder()
                .maxAttempts(maxAttempts)
                .onExhaustion(exhaustion)
                .retryOnException(error -> true)
                .abortOn(error -> error instanceof IOException)
                .build());
    AtomicInteger calls = new AtomicInteger();
    IOException failure = new IOException("certificate rejected");

    // when the call runs
    Object outcome = run(policy, call, fixture, calls, failure);

    // then there was one call, and the failure came back unchanged (or went to the fallback)
    assertThat(calls.get()).isEqualTo(1);
    assertThat(outcome).isEqualTo(call == Call.SUPPLIER_WITH_FALLBACK ? "fallback" : failure);
  }

  private static Object run(
      RetryPolicy policy,
      Call call,
      RetryFixture fixture,
      AtomicInteger calls,
      IOException failure) {
    try {
      switch (call) {
        case CALLABLE:
          return policy.executeCallable(
              () -> {
                calls.incrementAndGet();
                throw failure;
              });
        case SUPPLIER:
          return policy.executeSupplier(
              () -> {
                calls.incrementAndGet();
                throw sneaky(failure);
              });
        case SUPPLIER_WITH_FALLBACK:
          return policy.executeSupplier(
              () -> {
                calls.incrementAndGet();
                throw sneaky(failure);
              },
              error -> "fallback");
        default:
          CompletableFuture<Object> result =
              policy
                  .executeCompletionStage(
                      () -> {
                        calls.incrementAndGet();
                        return CompletableFuture.failedFuture(failure);
                      })
                  .toCompletableFuture();
          fixture.scheduler.advance(Duration.ofMinutes(1));
          assertThat(result).isDone();
          return result.join();
      }
    } catch (CompletionException e) {
      return e.getCause();
    } catch (UncheckedIOException e) {
      return e.getCause();
    } catch (Exception e) {
      return e;
    }
  }

  @SuppressWarnings("unchecked")
  static <E extends Throwable> E sneaky(Throwable error) throws E {
    throw (E) error;
  }
}
