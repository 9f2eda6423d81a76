package dev.ossp.runtime.resilience.internal;

import java.time.Duration;

/**
 * Runs tasks after a delay: automatic OPEN to HALF_OPEN transitions, asynchronous retries, the
 * tuner. Injected so that tests can run due tasks by moving a manual clock.
 *
 * <p>Implementations are thread-safe.
 */
public interface TaskScheduler {
  /** A scheduled task that can be cancelled. */
  interface ScheduledTask {
    /** Cancels the task if it has not started; does nothing otherwise. */
    void cancel();
  }

  /**
   * Runs {@code task} once after {@code delay}.
   *
   * @throws java.util.concurrent.RejectedExecutionException if the scheduler was shut down
   */
  ScheduledTask schedule(Runnable task, Duration delay);
}
