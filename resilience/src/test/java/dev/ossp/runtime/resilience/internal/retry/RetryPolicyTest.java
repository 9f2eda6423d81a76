package dev.ossp.runtime.resilience.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryEvent;
import dev.ossp.runtime.resilience.RetryExhaustedException;
import dev.ossp.runtime.resilience.RetryMetrics;
import dev.ossp.runtime.resilience.RetryPolicy;
import dev.ossp.runtime.resilience.internal.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryFixture fixture = new RetryFixture();

  private static RetryConfig.Builder exponential() {
    return RetryConfig.builder()
        .backoff("exponential")
        .baseDelay(Duration.ofMillis(100))
        .maxDelay(Duration.ofSeconds(10))
        .jitterFactor(0);
  }

  @Test
  void succeedsAfterTransientFailures() throws Exception {
    // given a policy with 4 attempts and an operation that fails twice
    RetryPolicy policy = fixture.policy(exponential().maxAttempts(4).build());
    List<RetryEvent> events = new CopyOnWriteArrayList<>();
    policy.addListener(events::add);
    AtomicInteger calls = new AtomicInteger();

    // when it runs
    String result =
        policy.executeCallable(
            () -> {
              if (calls.incrementAndGet() <= 2) {
                throw new OsspException(ErrorKind.NETWORK, "connection reset");
              }
              return "done";
            });

    // then it returned the third attempt's result after waiting 100 and 200 ms
    assertThat(result).isEqualTo("done");
    assertThat(calls.get()).isEqualTo(3);
    assertThat(fixture.sleeper.waits())
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(events)
        .extracting(event -> event.getClass().getSimpleName())
        .containsExactly("RetryScheduled", "RetryScheduled", "Succeeded");
    assertThat(((RetryEvent.Succeeded) events.get(2)).attempts()).isEqualTo(3);
    RetryMetrics metrics = policy.metrics();
    assertThat(metrics.successfulAfterRetry()).isEqualTo(1);
    assertThat(metrics.retries()).isEqualTo(2);
    assertThat(metrics.failedAttempts()).isEqualTo(2);
  }

  @Test
  void firstAttemptSuccessCountsWithoutRetry() {
    RetryPolicy policy = fixture.policy(RetryConfig.defaults());

    assertThat(policy.executeSupplier(() -> 42)).isEqualTo(42);
    policy.executeRunnable(() -> {});

    assertThat(policy.metrics().successfulWithoutRetry()).isEqualTo(2);
    assertThat(fixture.sleeper.waits()).isEmpty();
  }

  @Test
  void nonRetryableErrorThrownUnchanged() {
    // given an operation that fails validation
    RetryPolicy policy = fixture.policy(RetryConfig.defaults());
    OsspException invalid = new OsspException(ErrorKind.VALIDATION, "name is missing");
    AtomicInteger calls = new AtomicInteger();

    // when it runs, the very same error comes back after one call
    assertThatThrownBy(
            () ->
                policy.executeSupplier(
                    () -> {
                      calls.incrementAndGet();
                      throw invalid;
                    }))
        .isSameAs(invalid);
    assertThat(calls.get()).isEqualTo(1);
    assertThat(policy.metrics().failedWithoutRetry()).isEqualTo(1);
  }

  @Test
  void timeoutsAreRetriedOnlyForIdempotentCalls() {
    // given a timeout on every attempt
    OsspException timeout = new OsspException(ErrorKind.TIMEOUT, "no answer in 5 s");
    AtomicInteger calls = new AtomicInteger();

    // when the call is not idempotent, it is not retried
    RetryPolicy plain = fixture.policy(RetryConfig.builder().maxAttempts(3).build());
    assertThatThrownBy(() -> plain.executeSupplier(() -> failWith(calls, timeout)))
        .isSameAs(timeout);
    assertThat(calls.getAndSet(0)).isEqualTo(1);

    // when it is idempotent, it is retried to exhaustion
    RetryPolicy idempotent =
        fixture.policy(RetryConfig.builder().maxAttempts(3).idempotent(true).build());
    assertThatThrownBy(() -> idempotent.executeSupplier(() -> failWith(calls, timeout)))
        .isInstanceOf(RetryExhaustedException.class)
        .hasCause(timeout);
    assertThat(calls.get()).isEqualTo(3);
  }

  private static <T> T failWith(AtomicInteger calls, RuntimeException error) {
    calls.incrementAndGet();
    throw error;
  }

  @Test
  void interruptBeforeWaitEndsCall() {
    // given a real sleeper and a one-hour delay, and an operation that is interrupted as it fails
    RetryPolicy policy =
        fixture.policy(
            RetryConfig.builder()
                .baseDelay(Duration.ofHours(1))
                .maxDelay(Duration.ofHours(1))
                .build(),
            Sleeper.system());
    AtomicInteger calls = new AtomicInteger();

    // when it runs
    try {
      assertThatThrownBy(
              () ->
                  policy.executeSupplier(
                      () -> {
                        calls.incrementAndGet();
                        Thread.currentThread().interrupt();
                        throw new OsspException(ErrorKind.NETWORK, "reset");
                      }))
          // then it ends at once as cancelled, with one call and the interrupt flag still set
          .isInstanceOfSatisfying(
              OsspException.class,
              error -> {
                assertThat(error.kind()).isEqualTo(ErrorKind.CANCELLED);
                assertThat(error.context().attempts()).isEqualTo(1);
                assertThat(error.getCause()).isInstanceOf(InterruptedException.class);
              });
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void interruptDuringTheWaitStartsNoFurtherAttempt() throws Exception {
    // given a policy that waits an hour on a real sleeper, running on its own thread
    RetryPolicy policy =
        fixture.policy(
            RetryConfig.builder()
                .baseDelay(Duration.ofHours(1))
                .maxDelay(Duration.ofHours(1))
                .build(),
            Sleeper.system());
    AtomicInteger calls = new AtomicInteger();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagAfter = new AtomicBoolean();
    CountDownLatch failedOnce = new CountDownLatch(1);
    Thread caller =
        new Thread(
            () -> {
              try {
                policy.executeSupplier(
                    () -> {
                      calls.incrementAndGet();
                      failedOnce.countDown();
                      throw new OsspException(ErrorKind.SERVER, "503");
                    });
              } catch (Throwable error) {
                thrown.set(error);
                flagAfter.set(Thread.currentThread().isInterrupted());
              }
            });
    caller.start();
    assertThat(failedOnce.await(10, TimeUnit.SECONDS)).isTrue();

    // when the waiting thread is interrupted
    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(10));

    // then the call ended as cancelled with its flag set, after one attempt
    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(OsspException.class);
    assertThat(((OsspException) thrown.get()).kind()).isEqualTo(ErrorKind.CANCELLED);
    assertThat(flagAfter.get()).isTrue();
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void interruptedExceptionFromTheOperationIsNeverRetried() {
    RetryPolicy policy =
        fixture.policy(RetryConfig.builder().retryOnException(error -> true).build());
    AtomicInteger calls = new AtomicInteger();
    InterruptedException interrupted = new InterruptedException("stop");

    assertThatThrownBy(
            () ->
                policy.executeCallable(
                    () -> {
                      calls.incrementAndGet();
                      throw interrupted;
                    }))
        .isSameAs(interrupted);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void retryAfterOverridesDelay() {
    // given a failure whose peer requests 3 s, then one that requests 5 minutes
    RetryPolicy policy = fixture.policy(exponential().maxAttempts(3).build());
    AtomicInteger calls = new AtomicInteger();

    // when it runs
    policy.executeSupplier(
        () -> {
          int call = calls.incrementAndGet();
          if (call == 1) {
            throw rateLimited(Duration.ofSeconds(3));
          }
          if (call == 2) {
            throw rateLimited(Duration.ofMinutes(5));
          }
          return "ok";
        });

    // then it waited 3 s, then the 10 s cap
    assertThat(fixture.sleeper.waits())
        .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(10));
  }

  private static OsspException rateLimited(Duration retryAfter) {
    return new OsspException(
        ErrorKind.RATE_LIMITED,
        "429",
        null,
        ErrorContext.builder().httpStatus(429).retryAfter(retryAfter).build());
  }

  @Test
  void deadlineStopsBeforeAWaitWouldReachIt() {
    // given a 1 s deadline, 400 ms waits, and attempts that take 100 ms each
    RetryPolicy policy =
        fixture.policy(
            RetryConfig.builder()
                .maxAttempts(10)
                .backoff("fixed")
                .baseDelay(Duration.ofMillis(400))
                .jitterFactor(0)
                .maxDuration(Duration.ofSeconds(1))
                .build());
    AtomicInteger calls = new AtomicInteger();

    // when it runs: attempt at 0, wait to 500, attempt at 500; a third would start at 1000
    assertThatThrownBy(
            () ->
                policy.executeSupplier(
                    () -> {
                      calls.incrementAndGet();
                      fixture.time.advance(Duration.ofMillis(100));
                      throw new OsspException(ErrorKind.SERVER, "502");
                    }))
        .isInstanceOfSatisfying(
            RetryExhaustedException.class,
            error -> {
              assertThat(error.reason()).isEqualTo(RetryExhaustedException.Reason.MAX_DURATION);
              assertThat(error.attempts()).isEqualTo(2);
            });

    // then it stopped after 2 attempts, within the deadline
    assertThat(calls.get()).isEqualTo(2);
    assertThat(fixture.time.elapsed()).isLessThan(Duration.ofSeconds(1));
    assertThat(policy.metrics().deadlineStops()).isEqualTo(1);
  }

  @Test
  void resultPredicateRetriesAndExhaustsPerMode() {
    // given an operation that always returns "busy"
    RetryConfig base = RetryConfig.builder().maxAttempts(3).retryOnResult("busy"::equals).build();
    AtomicInteger calls = new AtomicInteger();

    // when the mode is WRAP, the policy throws after 3 calls, with no cause
    RetryPolicy wrap = fixture.policy(base);
    assertThatThrownBy(() -> wrap.executeSupplier(() -> answer(calls, "busy")))
        .isInstanceOfSatisfying(
            RetryExhaustedException.class,
            error -> {
              assertThat(error.attempts()).isEqualTo(3);
              assertThat(error.getCause()).isNull();
              assertThat(error.kind()).isEqualTo(ErrorKind.SERVER);
            });
    assertThat(calls.getAndSet(0)).isEqualTo(3);

    // when the mode is RETHROW, it returns the last result after 3 calls
    RetryPolicy rethrow =
        fixture.policy(
            RetryConfig.from(base).onExhaustion(RetryConfig.OnExhaustion.RETHROW).build());
    assertThat(rethrow.executeSupplier(() -> answer(calls, "busy"))).isEqualTo("busy");
    assertThat(calls.get()).isEqualTo(3);
  }

  private static String answer(AtomicInteger calls, String answer) {
    calls.incrementAndGet();
    return answer;
  }

  @Test
  void exhaustionWrapsOnceWithTheUnwrappedCause() {
    // given an operation whose failure arrives wrapped in a CompletionException
    RetryPolicy policy = fixture.policy(RetryConfig.builder().maxAttempts(2).build());
    IOException reset = new IOException("connection reset");

    // when it is exhausted, the cause is the failure itself, not the wrapper
    assertThatThrownBy(
            () ->
                policy.executeSupplier(
                    () -> {
                      throw new CompletionException(reset);
                    }))
        .isInstanceOf(RetryExhaustedException.class)
        .hasCause(reset)
        .hasMessageContaining("gave up after 2 attempts");
  }

  @Test
  void nestedPoliciesDoNotMultiplyAttempts() {
    // given an outer policy around an inner one, 3 attempts each
    RetryPolicy outer = fixture.policy(RetryConfig.builder().maxAttempts(3).build());
    RetryPolicy inner = fixture.policy(RetryConfig.builder().maxAttempts(3).build());
    AtomicInteger calls = new AtomicInteger();

    // when the operation always fails
    assertThatThrownBy(
            () ->
                outer.executeSupplier(
                    () ->
                        inner.executeSupplier(
                            () -> failWith(calls, new OsspException(ErrorKind.NETWORK, "down")))))
        // then the inner error comes out unchanged, after the inner policy's 3 calls only
        .isInstanceOfSatisfying(
            RetryExhaustedException.class, error -> assertThat(error.attempts()).isEqualTo(3));
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void reconfigurationAppliesToTheNextCall() {
    RetryPolicy policy = fixture.policy(RetryConfig.builder().maxAttempts(2).build());
    AtomicInteger calls = new AtomicInteger();

    policy.reconfigure(RetryConfig.builder().maxAttempts(4).build());

    assertThatThrownBy(
        () ->
            policy.executeSupplier(
                () -> failWith(calls, new OsspException(ErrorKind.SERVER, "500"))));
    assertThat(calls.get()).isEqualTo(4);
    assertThat(policy.config().maxAttempts()).isEqualTo(4);
  }

  @Test
  void unknownBackoffIsRejectedWithTheInstalledNames() {
    assertThatThrownBy(() -> fixture.policy(RetryConfig.builder().backoff("fibonacci").build()))
        .hasMessageContaining("unknown backoff strategy 'fibonacci'")
        .hasMessageContaining("decorrelated-jitter");
  }
}
