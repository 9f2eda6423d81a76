package dev.ossp.runtime.metrics.internal.loadtest;

import dev.ossp.runtime.metrics.loadtest.LoadMode;
import dev.ossp.runtime.metrics.loadtest.LoadProgress;
import dev.ossp.runtime.metrics.loadtest.LoadScenario;
import dev.ossp.runtime.metrics.loadtest.LoadTestConfig;
import dev.ossp.runtime.metrics.loadtest.LoadTestListener;
import dev.ossp.runtime.metrics.loadtest.StopReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one phase (warm-up or measured) of one scenario on its own worker threads and returns when
 * every worker stopped. Workers stop starting requests at the phase deadline or at the request
 * limit; requests still running {@link LoadTestConfig#drainTimeout()} after the deadline are
 * interrupted and counted apart.
 */
final class PhaseRunner {
  private static final Logger LOG = LoggerFactory.getLogger(PhaseRunner.class);
  private static final long INTERRUPT_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** The result of a finished phase. */
  record Outcome(PhaseRecorder recorder, long startNanos, long endNanos, StopReason stopReason) {}

  private final LoadScenario scenario;
  private final LoadTestConfig config;
  private final LoadTestListener listener;

  PhaseRunner(LoadScenario scenario, LoadTestConfig config, LoadTestListener listener) {
    this.scenario = scenario;
    this.config = config;
    this.listener = listener;
  }

  /**
   * Runs a phase of {@code length} with at most {@code maxRequests} requests.
   *
   * @throws InterruptedException if the calling thread is interrupted; the workers are stopped
   */
  Outcome run(boolean warmup, Duration length, long maxRequests) throws InterruptedException {
    PhaseRecorder recorder = new PhaseRecorder();
    AtomicLong issued = new AtomicLong();
    AtomicLong started = new AtomicLong();
    AtomicBoolean draining = new AtomicBoolean();
    AtomicInteger inFlight = new AtomicInteger();
    long start = System.nanoTime();
    long deadline = start + length.toNanos();
    long interval = intervalNanos();
    long expectedInterval = interval * config.concurrency();

    ExecutorService workers =
        Executors.newFixedThreadPool(config.concurrency(), threads(scenario.name() + "-worker"));
    ScheduledExecutorService progress =
        Executors.newSingleThreadScheduledExecutor(threads(scenario.name() + "-progress"));
    long period = config.progressInterval().toNanos();
    progress.scheduleAtFixedRate(
        () -> report(warmup, start, length, recorder), period, period, TimeUnit.NANOSECONDS);
    List<Runnable> loops = new ArrayList<>();
    for (int i = 0; i < config.concurrency(); i++) {
      loops.add(
          () ->
              workLoop(
                  recorder,
                  issued,
                  started,
                  draining,
                  inFlight,
                  start,
                  deadline,
                  interval,
                  expectedInterval,
                  maxRequests));
    }
    loops.forEach(workers::execute);
    workers.shutdown();
    try {
      long drainDeadline = deadline + config.drainTimeout().toNanos();
      if (!workers.awaitTermination(
          Math.max(0, drainDeadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        draining.set(true);
        int stuck = inFlight.get();
        LOG.warn(
            "load test '{}': {} request(s) still running {} after the phase ended; interrupting"
                + " them",
            scenario.name(),
            stuck,
            config.drainTimeout());
        workers.shutdownNow();
        if (!workers.awaitTermination(INTERRUPT_GRACE_NANOS, TimeUnit.NANOSECONDS)) {
          LOG.warn(
              "load test '{}': workers ignored the interrupt; abandoning them as daemon threads",
              scenario.name());
        }
      }
    } catch (InterruptedException e) {
      draining.set(true);
      workers.shutdownNow();
      throw e;
    } finally {
      progress.shutdownNow();
    }
    report(warmup, start, length, recorder);
    StopReason reason =
        started.get() >= maxRequests ? StopReason.MAX_REQUESTS : StopReason.DURATION;
    return new Outcome(recorder, start, recorder.lastCompletion(System.nanoTime()), reason);
  }

  private void workLoop(
      PhaseRecorder recorder,
      AtomicLong issued,
      AtomicLong started,
      AtomicBoolean draining,
      AtomicInteger inFlight,
      long start,
      long deadline,
      long interval,
      long expectedInterval,
      long maxRequests) {
    while (!Thread.currentThread().isInterrupted()) {
      long slot = issued.getAndIncrement();
      if (slot >= maxRequests) {
        return;
      }
      if (interval > 0) {
        long intended = start + slot * interval;
        if (intended - deadline >= 0 || !parkUntil(intended)) {
          return;
        }
      } else if (System.nanoTime() - deadline >= 0) {
        return;
      }
      started.incrementAndGet();
      inFlight.incrementAndGet();
      long began = System.nanoTime();
      Throwable failure = null;
      try {
        scenario.operation().call();
      } catch (Throwable e) {
        failure = e;
      } finally {
        inFlight.decrementAndGet();
      }
      long ended = System.nanoTime();
      if (draining.get()) {
        recorder.interrupted();
        return;
      }
      long correction = interval > 0 ? expectedInterval : 0;
      if (failure == null) {
        recorder.success(ended - began, ended, correction);
      } else {
        LOG.debug("load test '{}': request failed", scenario.name(), failure);
        recorder.record(ended - began, ended, correction, ErrorKinds.classify(failure));
        if (failure instanceof Error error && !(failure instanceof AssertionError)) {
          throw error;
        }
      }
    }
  }

  private long intervalNanos() {
    if (config.mode() != LoadMode.OPEN_LOOP) {
      return 0;
    }
    return Math.max(1, Math.round(1e9 / config.targetRate().orElseThrow()));
  }

  /** Parks until {@code nanos}; returns false when interrupted. */
  private static boolean parkUntil(long nanos) {
    long remaining;
    while ((remaining = nanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
    }
    return true;
  }

  private void report(boolean warmup, long start, Duration length, PhaseRecorder recorder) {
    try {
      long failures = recorder.failures();
      listener.onProgress(
          new LoadProgress(
              scenario.name(),
              warmup,
              Duration.ofNanos(Math.min(System.nanoTime() - start, length.toNanos())),
              length,
              recorder.successes() + failures,
              failures));
    } catch (RuntimeException e) {
      LOG.warn("load test listener failed on a progress report; ignoring it", e);
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "ossp-load-" + prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
