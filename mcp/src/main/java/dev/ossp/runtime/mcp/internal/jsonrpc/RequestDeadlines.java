package dev.ossp.runtime.mcp.internal.jsonrpc;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Fires request timeouts with one scheduled wake-up per session instead of one timer task per
 * request. A wake-up is armed for the earliest deadline. When it fires, the sweep expires every
 * request that is due and re-arms for the earliest deadline left. A request whose deadline is later
 * than the armed wake-up schedules nothing, so with one timeout for all calls the session schedules
 * about one task per timeout period, whatever the call rate.
 *
 * <p>NOTE: each sweep scans every pending request, so with thousands of requests in flight and many
 * distinct deadlines the sweeps cost time in proportion to the pending count each time.
 *
 * <p>A request times out no earlier than its deadline, and later only by the scheduler's delay.
 * Deadlines are {@link System#nanoTime()} values and are compared by their difference, so they may
 * wrap around.
 *
 * <p>Thread-safe.
 */
final class RequestDeadlines {
  /** Runs a task after a delay; the production form is a {@code ScheduledExecutorService}. */
  @FunctionalInterface
  interface Scheduler {
    void schedule(Runnable task, long delayNanos);
  }

  private final Scheduler scheduler;
  private final LongSupplier nanoTime;
  private final LongConsumer sweep;
  private final AtomicReference<@Nullable Wakeup> armed = new AtomicReference<>();

  /**
   * Creates the deadlines of one session.
   *
   * @param nanoTime the time source of deadlines, normally {@code System::nanoTime}
   * @param sweep expires every request due at the given time ({@link #isDue}) and calls {@link
   *     #arm} with the earliest deadline of the requests left
   */
  RequestDeadlines(Scheduler scheduler, LongSupplier nanoTime, LongConsumer sweep) {
    this.scheduler = scheduler;
    this.nanoTime = nanoTime;
    this.sweep = sweep;
  }

  /** Returns the deadline {@code timeoutNanos} from now. */
  long deadlineAfter(long timeoutNanos) {
    return nanoTime.getAsLong() + timeoutNanos;
  }

  /** Returns whether {@code deadline} has passed at {@code nowNanos}. */
  static boolean isDue(long deadline, long nowNanos) {
    return deadline - nowNanos <= 0;
  }

  /** Returns the earlier of two deadlines. */
  static long earlier(long first, long second) {
    return first - second <= 0 ? first : second;
  }

  /**
   * Makes sure a wake-up fires by {@code deadline}; call it after the request with that deadline is
   * visible to the sweep.
   */
  void arm(long deadline) {
    while (true) {
      Wakeup current = armed.get();
      if (current != null && deadline - current.deadline >= 0) {
        return;
      }
      Wakeup next = new Wakeup(deadline);
      if (armed.compareAndSet(current, next)) {
        scheduler.schedule(next, Math.max(0, deadline - nanoTime.getAsLong()));
        return;
      }
    }
  }

  /** Returns whether a wake-up is armed. */
  boolean isArmed() {
    return armed.get() != null;
  }

  /** One scheduled wake-up; it does nothing if an earlier one replaced it before it fired. */
  private final class Wakeup implements Runnable {
    final long deadline;

    Wakeup(long deadline) {
      this.deadline = deadline;
    }

    @Override
    public void run() {
      if (!armed.compareAndSet(this, null)) {
        return;
      }
      sweep.accept(nanoTime.getAsLong());
    }
  }
}
