package dev.ossp.runtime.a2a.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DeadlineTimerTest {
  private static long inMillis(long millis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Test
  void actionRunsAtDeadline() throws Exception {
    // given: an idle timer
    try (DeadlineTimer timer = new DeadlineTimer("test-deadlines")) {
      CountDownLatch fired = new CountDownLatch(1);
      long start = System.nanoTime();

      // when
      timer.add(inMillis(100), fired::countDown);

      // then
      assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(System.nanoTime() - start)
          .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
      assertThat(timer.pending()).isZero();
    }
  }

  @Test
  void cancelledDeadlineNeverRuns() throws Exception {
    // given
    try (DeadlineTimer timer = new DeadlineTimer("test-deadlines")) {
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch later = new CountDownLatch(1);

      // when
      DeadlineTimer.Deadline deadline = timer.add(inMillis(50), runs::incrementAndGet);
      deadline.cancel();
      deadline.cancel();
      timer.add(inMillis(200), later::countDown);

      // then: the later deadline ran, so the cancelled one's time has passed
      assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(runs.get()).isZero();
      assertThat(timer.pending()).isZero();
    }
  }

  @Test
  void cancelWaitsForRunningAction() throws Exception {
    // given: an action that has started and waits until released
    ExecutorService canceller = Executors.newSingleThreadExecutor();
    try (DeadlineTimer timer = new DeadlineTimer("test-deadlines")) {
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicBoolean finished = new AtomicBoolean();
      DeadlineTimer.Deadline deadline =
          timer.add(
              inMillis(0),
              () -> {
                started.countDown();
                awaitQuietly(release);
                finished.set(true);
              });
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

      // when
      Future<Boolean> sawFinished =
          canceller.submit(
              () -> {
                deadline.cancel();
                return finished.get();
              });

      // then: cancel returns only after the action ends
      assertThatThrownBy(() -> sawFinished.get(200, TimeUnit.MILLISECONDS))
          .isInstanceOf(TimeoutException.class);
      release.countDown();
      assertThat(sawFinished.get(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      canceller.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void earlierDeadlineWakesSleepingTimer() throws Exception {
    // given: the timer sleeps until a deadline 10 s away
    try (DeadlineTimer timer = new DeadlineTimer("test-deadlines")) {
      AtomicInteger farRuns = new AtomicInteger();
      timer.add(inMillis(10_000), farRuns::incrementAndGet);
      Thread.sleep(50);
      CountDownLatch near = new CountDownLatch(1);
      long start = System.nanoTime();

      // when
      timer.add(inMillis(100), near::countDown);

      // then
      assertThat(near.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
      assertThat(farRuns.get()).isZero();
      assertThat(timer.pending()).isEqualTo(1);
    }
  }

  @Test
  void concurrentDeadlinesRunOnceOrNever() throws Exception {
    // given: 8 threads add 500 deadlines each and cancel every other one at once
    int threads = 8;
    int perThread = 500;
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    try (DeadlineTimer timer = new DeadlineTimer("test-deadlines")) {
      AtomicInteger keptRuns = new AtomicInteger();
      AtomicInteger cancelledRuns = new AtomicInteger();
      CountDownLatch allKept = new CountDownLatch(threads * perThread / 2);

      // when
      List<Future<?>> adds = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        adds.add(
            callers.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    if (i % 2 == 0) {
                      timer.add(
                          inMillis(i % 50),
                          () -> {
                            keptRuns.incrementAndGet();
                            allKept.countDown();
                          });
                    } else {
                      timer.add(inMillis(20 + i % 50), cancelledRuns::incrementAndGet).cancel();
                    }
                  }
                }));
      }
      for (Future<?> add : adds) {
        add.get(10, TimeUnit.SECONDS);
      }

      // then
      assertThat(allKept.await(10, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(200);
      assertThat(keptRuns.get()).isEqualTo(threads * perThread / 2);
      assertThat(cancelledRuns.get()).isZero();
      assertThat(timer.pending()).isZero();
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void closedTimerRejectsDeadlines() {
    // given
    DeadlineTimer timer = new DeadlineTimer("test-deadlines");
    AtomicInteger runs = new AtomicInteger();
    timer.add(inMillis(100), runs::incrementAndGet);

    // when
    timer.close();
    timer.close();

    // then
    assertThatThrownBy(() -> timer.add(inMillis(100), runs::incrementAndGet))
        .isInstanceOf(RejectedExecutionException.class)
        .hasMessageContaining("closed");
    assertThat(timer.pending()).isZero();
  }
}
