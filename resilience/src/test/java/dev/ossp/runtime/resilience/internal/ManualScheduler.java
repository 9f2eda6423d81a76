package dev.ossp.runtime.resilience.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A scheduler whose tasks run only when a test moves the {@link ManualTime} with {@link
 * #advance(Duration)} or calls {@link #runDue()}, on the test's thread, in due order.
 */
public final class ManualScheduler implements TaskScheduler {
  private final ManualTime time;
  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(Comparator.comparingLong(Entry::due).thenComparingLong(Entry::order));
  private final List<Duration> delays = new ArrayList<>();
  private long order;

  private record Entry(long due, long order, Runnable task, boolean[] cancelled) {}

  public ManualScheduler(ManualTime time) {
    this.time = time;
  }

  @Override
  public synchronized ScheduledTask schedule(Runnable task, Duration delay) {
    boolean[] cancelled = new boolean[1];
    delays.add(delay);
    queue.add(new Entry(time.nanoTime() + delay.toNanos(), order++, task, cancelled));
    return () -> {
      synchronized (this) {
        cancelled[0] = true;
      }
    };
  }

  /** Moves the time forward and runs every task that became due, in due order. */
  public void advance(Duration duration) {
    long target = time.nanoTime() + duration.toNanos();
    while (true) {
      Entry next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.due() > target) {
          break;
        }
        queue.poll();
      }
      if (next.due() > time.nanoTime()) {
        time.advance(Duration.ofNanos(next.due() - time.nanoTime()));
      }
      if (!isCancelled(next)) {
        next.task().run();
      }
    }
    if (target > time.nanoTime()) {
      time.advance(Duration.ofNanos(target - time.nanoTime()));
    }
  }

  /** Runs every task due now. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  private synchronized boolean isCancelled(Entry entry) {
    return entry.cancelled()[0];
  }

  /** Returns the number of tasks waiting that were not cancelled. */
  public synchronized int pending() {
    return (int) queue.stream().filter(entry -> !entry.cancelled()[0]).count();
  }

  /** Returns every delay a task was scheduled with, in order. */
  public synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }
}
