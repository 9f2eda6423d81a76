package dev.ossp.runtime.resilience.internal.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.error.CircuitOpenException;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreaker.State;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerEvent;
import dev.ossp.runtime.resilience.CircuitBreakerMetrics;
import dev.ossp.runtime.resilience.internal.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many threads through one breaker; every loop is bounded in count. */
class CircuitBreakerConcurrencyTest {
  private static final int THREADS = 8;
  private static final Map<State, Set<State>> LEGAL_MOVES =
      Map.of(
          State.CLOSED, Set.of(State.OPEN),
          State.OPEN, Set.of(State.HALF_OPEN),
          State.HALF_OPEN, Set.of(State.OPEN, State.CLOSED));

  private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);
  private final ManualTime time = new ManualTime();

  @AfterEach
  void stopExecutor() throws InterruptedException {
    executor.shutdownNow();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Runs {@code task} on every thread at once and returns what each one threw unexpectedly. */
  private List<Throwable> runOnAllThreads(int iterations, ThreadTask task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      futures.add(
          executor.submit(
              () -> {
                start.await();
                for (int i = 0; i < iterations; i++) {
                  try {
                    task.run(i);
                  } catch (CircuitOpenException | ExpectedFailure expected) {
                    // The documented errors.
                  } catch (Throwable other) {
                    unexpected.add(other);
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> future : futures) {
      future.get(60, TimeUnit.SECONDS);
    }
    return List.copyOf(unexpected);
  }

  interface ThreadTask {
    void run(int iteration) throws Exception;
  }

  static final class ExpectedFailure extends RuntimeException {
    ExpectedFailure() {
      super("injected failure", null, false, false);
    }
  }

  @Test
  void closedBreakerCountsEveryCall() throws Exception {
    // given a closed breaker with a 1000-call window
    CircuitBreaker breaker =
        new DefaultCircuitBreaker(
            "closed", CircuitBreakerConfig.builder().slidingWindowSize(1000).build(), time, null);

    // when 8 threads make 20,000 successful calls each
    List<Throwable> unexpected = runOnAllThreads(20_000, i -> breaker.executeSupplier(() -> i));

    // then nothing unexpected was thrown, it stayed closed, and every call was counted
    assertThat(unexpected).isEmpty();
    CircuitBreakerMetrics metrics = breaker.metrics();
    assertThat(metrics.state()).isEqualTo(State.CLOSED);
    assertThat(metrics.totalSuccessfulCalls()).isEqualTo(THREADS * 20_000L);
    assertThat(metrics.bufferedCalls()).isEqualTo(1000);
  }

  @Test
  void transitionsAndEventsStayConsistentUnderMixedLoad() throws Exception {
    // given a breaker that opens quickly and probes two at a time, with a transition listener
    CircuitBreaker breaker =
        new DefaultCircuitBreaker(
            "mixed",
            CircuitBreakerConfig.builder()
                .failureThreshold(5)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .successThreshold(2)
                .permittedCallsInHalfOpen(2)
                .openDuration(Duration.ofMillis(50))
                .build(),
            time,
            null);
    ConcurrentLinkedQueue<CircuitBreakerEvent.StateTransition> transitions =
        new ConcurrentLinkedQueue<>();
    AtomicLong notPermittedEvents = new AtomicLong();
    breaker.addListener(
        event -> {
          if (event instanceof CircuitBreakerEvent.StateTransition transition) {
            transitions.add(transition);
          } else if (event instanceof CircuitBreakerEvent.NotPermitted) {
            notPermittedEvents.incrementAndGet();
          }
        });

    // when 8 threads call with 40% failures while the clock moves 1 ms per call
    List<Throwable> unexpected =
        runOnAllThreads(
            5_000,
            i -> {
              time.advance(Duration.ofMillis(1));
              breaker.executeSupplier(
                  () -> {
                    if (ThreadLocalRandom.current().nextInt(100) < 40) {
                      throw new ExpectedFailure();
                    }
                    return i;
                  });
            });

    // then only documented errors were thrown, and events agree with the metrics
    assertThat(unexpected).isEmpty();
    CircuitBreakerMetrics metrics = breaker.metrics();
    long opened = transitions.stream().filter(move -> move.to() == State.OPEN).count();
    assertThat(opened).isEqualTo(metrics.openings()).isPositive();
    assertThat(notPermittedEvents.get()).isEqualTo(metrics.notPermittedCalls());
    assertThat(transitions)
        .allSatisfy(move -> assertThat(LEGAL_MOVES.get(move.from())).contains(move.to()));
    assertThat(metrics.slowFailedCalls()).isBetween(0, metrics.failedCalls());
    assertThat(metrics.failedCalls() + metrics.successfulCalls())
        .isEqualTo(metrics.bufferedCalls());
  }

  @Test
  void halfOpenNeverAdmitsMoreProbesThanConfigured() throws Exception {
    // given a half-open breaker that admits 3 probes at a time and never closes in this test
    CircuitBreaker breaker =
        new DefaultCircuitBreaker(
            "probes",
            CircuitBreakerConfig.builder()
                .permittedCallsInHalfOpen(3)
                .successThreshold(1_000_000)
                .build(),
            time,
            null);
    breaker.transitionToHalfOpen();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    AtomicInteger admitted = new AtomicInteger();

    // when 8 threads try 5,000 probes each, each probe spinning briefly
    List<Throwable> unexpected =
        runOnAllThreads(
            5_000,
            i ->
                breaker.executeSupplier(
                    () -> {
                      admitted.incrementAndGet();
                      int now = running.incrementAndGet();
                      maxRunning.accumulateAndGet(now, Math::max);
                      for (int spin = 0; spin < 50; spin++) {
                        Thread.onSpinWait();
                      }
                      running.decrementAndGet();
                      return i;
                    }));

    // then at most 3 probes ran at once, and every other call was rejected
    assertThat(unexpected).isEmpty();
    assertThat(maxRunning.get()).isBetween(1, 3);
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    assertThat(admitted.get() + breaker.metrics().notPermittedCalls()).isEqualTo(THREADS * 5_000L);
  }

  @Test
  void forcedOpenAndDisabledHoldUnderLoad() throws Exception {
    // given a forced-open breaker
    CircuitBreaker breaker =
        new DefaultCircuitBreaker("operator", CircuitBreakerConfig.defaults(), time, null);
    breaker.transitionToForcedOpen();

    // when 8 threads call it
    List<Throwable> rejectedRun = runOnAllThreads(2_000, i -> breaker.executeSupplier(() -> i));

    // then every call was rejected
    assertThat(rejectedRun).isEmpty();
    assertThat(breaker.metrics().notPermittedCalls()).isEqualTo(THREADS * 2_000L);

    // when it is disabled and 8 threads fail through it
    breaker.transitionToDisabled();
    List<Throwable> disabledRun =
        runOnAllThreads(
            2_000,
            i ->
                breaker.executeSupplier(
                    () -> {
                      throw new ExpectedFailure();
                    }));

    // then nothing was recorded and it stayed disabled
    assertThat(disabledRun).isEmpty();
    assertThat(breaker.state()).isEqualTo(State.DISABLED);
    assertThat(breaker.metrics().totalFailedCalls()).isZero();
  }
}
