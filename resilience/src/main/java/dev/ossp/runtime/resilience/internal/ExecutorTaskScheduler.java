package dev.ossp.runtime.resilience.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TaskScheduler} on a {@link ScheduledExecutorService}. A task that throws is logged at
 * WARN, so one failing task never silences the scheduler.
 *
 * <p>This class is thread-safe.
 */
public final class ExecutorTaskScheduler implements TaskScheduler, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskScheduler.class);
  private static final long CLOSE_TIMEOUT_SECONDS = 5;

  private final ScheduledExecutorService executor;
  private final boolean owned;

  private ExecutorTaskScheduler(ScheduledExecutorService executor, boolean owned) {
    this.executor = executor;
    this.owned = owned;
  }

  /** Returns a scheduler on {@code executor}, which the caller keeps ownership of. */
  public static ExecutorTaskScheduler on(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor");

    return new ExecutorTaskScheduler(executor, false);
  }

  /**
   * Returns a scheduler on one daemon thread named {@code threadName}, shut down by {@link
   * #close()}.
   */
  public static ExecutorTaskScheduler singleDaemonThread(String threadName) {
    Objects.requireNonNull(threadName, "threadName");

    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, threadName + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, factory);
    executor.setRemoveOnCancelPolicy(true);
    return new ExecutorTaskScheduler(executor, true);
  }

  @Override
  public ScheduledTask schedule(Runnable task, Duration delay) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(delay, "delay");

    long nanos = Math.max(0, saturatedNanos(delay));
    ScheduledFuture<?> future =
        executor.schedule(() -> runLogged(task), nanos, TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  private static void runLogged(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.warn("scheduled resilience task {} failed", task, e);
    }
  }

  private static long saturatedNanos(Duration delay) {
    try {
      return delay.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Shuts the executor down when this scheduler owns it, waiting up to 5 s for running tasks. */
  @Override
  public void close() {
    if (!owned) {
      return;
    }
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("resilience scheduler did not stop within {} s", CLOSE_TIMEOUT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
