package dev.ossp.runtime.resilience.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryExhaustedException;
import dev.ossp.runtime.resilience.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryAsyncTest {
  private final RetryFixture fixture = new RetryFixture();

  private static RetryConfig.Builder fixed(long millis) {
    return RetryConfig.builder()
        .backoff("fixed")
        .baseDelay(Duration.ofMillis(millis))
        .jitterFactor(0);
  }

  @Test
  void retriesOnTheSchedulerWithoutBlocking() {
    // given a stage that fails twice, then succeeds
    RetryPolicy policy = fixture.policy(fixed(250).maxAttempts(4).build());
    AtomicInteger calls = new AtomicInteger();

    // when it starts, only the first attempt has run
    CompletableFuture<String> result =
        policy
            .executeCompletionStage(
                () ->
                    calls.incrementAndGet() <= 2
                        ? CompletableFuture.failedFuture(new OsspException(ErrorKind.SERVER, "503"))
                        : CompletableFuture.completedFuture("done"))
            .toCompletableFuture();
    assertThat(calls.get()).isEqualTo(1);
    assertThat(result).isNotDone();

    // then each retry runs when its 250 ms delay has passed on the scheduler
    fixture.scheduler.advance(Duration.ofMillis(249));
    assertThat(calls.get()).isEqualTo(1);
    fixture.scheduler.advance(Duration.ofMillis(1));
    assertThat(calls.get()).isEqualTo(2);
    fixture.scheduler.advance(Duration.ofMillis(250));
    assertThat(result).isCompletedWithValue("done");
    assertThat(fixture.scheduler.delays())
        .containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
    assertThat(policy.metrics().successfulAfterRetry()).isEqualTo(1);
  }

  @Test
  void nonRetryableFailureKeepsItsType() {
    // given a stage failing with a validation error wrapped by the async machinery
    RetryPolicy policy = fixture.policy(RetryConfig.defaults());
    OsspException invalid = new OsspException(ErrorKind.VALIDATION, "bad request");

    // when it runs
    CompletableFuture<Object> result =
        policy
            .executeCompletionStage(
                () ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          throw invalid;
                        }))
            .toCompletableFuture();

    // then the result fails with that very error as the cause of join's wrapper
    assertThatThrownBy(result::join).isInstanceOf(CompletionException.class).hasCause(invalid);
  }

  @Test
  void deadlineFailsRunningCall() {
    // given a 1 s deadline and a second attempt that never completes
    RetryPolicy policy =
        fixture.policy(fixed(200).maxAttempts(5).maxDuration(Duration.ofSeconds(1)).build());
    CompletableFuture<String> hanging = new CompletableFuture<>();
    AtomicInteger calls = new AtomicInteger();
    CompletableFuture<String> result =
        policy
            .executeCompletionStage(
                () ->
                    calls.incrementAndGet() == 1
                        ? CompletableFuture.failedFuture(
                            new OsspException(ErrorKind.NETWORK, "reset"))
                        : hanging)
            .toCompletableFuture();

    // when the scheduler reaches the deadline
    fixture.scheduler.advance(Duration.ofMillis(999));
    assertThat(result).isNotDone();
    fixture.scheduler.advance(Duration.ofMillis(1));

    // then the call failed at the deadline and the running attempt was cancelled
    assertThatThrownBy(result::join)
        .hasCauseInstanceOf(RetryExhaustedException.class)
        .cause()
        .satisfies(
            cause ->
                assertThat(((RetryExhaustedException) cause).reason())
                    .isEqualTo(RetryExhaustedException.Reason.MAX_DURATION));
    assertThat(hanging).isCancelled();
    assertThat(calls.get()).isEqualTo(2);
    assertThat(policy.metrics().deadlineStops()).isEqualTo(1);
  }

  @Test
  void cancellingTheResultStopsFurtherAttempts() {
    // given a call waiting for its second attempt
    RetryPolicy policy = fixture.policy(fixed(500).maxAttempts(5).build());
    AtomicInteger calls = new AtomicInteger();
    CompletableFuture<Object> result =
        policy
            .executeCompletionStage(
                () -> {
                  calls.incrementAndGet();
                  return CompletableFuture.failedFuture(new OsspException(ErrorKind.SERVER, "500"));
                })
            .toCompletableFuture();

    // when the caller cancels it and time passes
    result.cancel(true);
    fixture.scheduler.advance(Duration.ofSeconds(10));

    // then no further attempt ran
    assertThat(calls.get()).isEqualTo(1);
    assertThat(fixture.scheduler.pending()).isZero();
    assertThat(policy.metrics().failedWithoutRetry()).isEqualTo(1);
  }

  @Test
  void supplierThatThrowsCountsAsAFailedAttempt() {
    RetryPolicy policy = fixture.policy(fixed(10).maxAttempts(3).build());
    AtomicInteger calls = new AtomicInteger();

    CompletableFuture<Object> result =
        policy
            .executeCompletionStage(
                () -> {
                  calls.incrementAndGet();
                  throw new OsspException(ErrorKind.NETWORK, "no route");
                })
            .toCompletableFuture();
    fixture.scheduler.advance(Duration.ofSeconds(1));

    assertThat(calls.get()).isEqualTo(3);
    assertThatThrownBy(result::join).hasCauseInstanceOf(RetryExhaustedException.class);
  }
}
