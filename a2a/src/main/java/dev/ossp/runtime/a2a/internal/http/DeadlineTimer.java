package dev.ossp.runtime.a2a.internal.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action when an exchange's deadline passes, on one daemon thread. Every exchange adds a
 * deadline and almost every one cancels it soon after, so both are lock-free: the deadlines sit in
 * a {@link ConcurrentSkipListSet} ordered by time. A {@code ScheduledThreadPoolExecutor} takes one
 * lock for every add and every cancel, which callers on many threads waited on.
 *
 * <p>The thread sleeps until the earliest deadline, or for {@link #IDLE_NANOS} when there is none.
 * A caller wakes it only when it adds a deadline earlier than the time the thread sleeps until, so
 * calls one after another with deadlines longer than that wake it for none of them. A cancelled
 * deadline still ends the thread's sleep at its time, and the thread then sleeps until the next.
 *
 * <p>{@link Deadline#cancel()} returns only once the action can no longer run: when the thread has
 * already started it, cancel waits for it to finish. A caller that cancels before it returns
 * therefore never leaves an abort half done behind it (a connection still leased, say).
 * Thread-safe.
 */
final class DeadlineTimer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeadlineTimer.class);

  /** The value of {@link #wakeAt} while the thread is awake and will look at the set again. */
  private static final long AWAKE = Long.MIN_VALUE;

  /** How long the thread sleeps with no deadline pending. */
  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final ConcurrentSkipListSet<Deadline> deadlines = new ConcurrentSkipListSet<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Thread thread;
  private volatile long wakeAt = AWAKE;
  private volatile boolean closed;

  DeadlineTimer(String threadName) {
    thread = new Thread(this::runLoop, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * A pending deadline. {@link #cancel()} removes it, and calls after the first do nothing. Its
   * state goes from pending to done, through running when the timer's thread claims it first.
   */
  static final class Deadline implements Comparable<Deadline> {
    private static final int PENDING = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;

    /** How often a waiting cancel spins before it parks between looks. */
    private static final int SPINS = 100;

    private static final long PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    private static final VarHandle STATE;

    static {
      try {
        STATE = MethodHandles.lookup().findVarHandle(Deadline.class, "state", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final DeadlineTimer timer;
    private final long nanos;
    private final long order;
    private final Runnable action;

    @SuppressWarnings("unused") // read and written through STATE
    private volatile int state;

    private Deadline(DeadlineTimer timer, long nanos, long order, Runnable action) {
      this.timer = timer;
      this.nanos = nanos;
      this.order = order;
      this.action = action;
    }

    /**
     * Removes the deadline so its action never runs; when the action is already running, waits
     * until it ends. Called from the action itself, it returns at once instead.
     */
    void cancel() {
      if (STATE.compareAndSet(this, PENDING, DONE)) {
        timer.deadlines.remove(this);
        return;
      }
      if (Thread.currentThread() == timer.thread) {
        return;
      }
      int spins = 0;
      while (state == RUNNING) {
        if (++spins < SPINS) {
          Thread.onSpinWait();
        } else {
          LockSupport.parkNanos(this, PARK_NANOS);
        }
      }
    }

    /** Claims the action for the timer's thread; false when it was cancelled first. */
    private boolean claim() {
      return STATE.compareAndSet(this, PENDING, RUNNING);
    }

    private void finish() {
      state = DONE;
    }

    @Override
    public int compareTo(Deadline other) {
      // Differences, not values, because System.nanoTime() may wrap around.
      long difference = nanos - other.nanos;
      if (difference != 0) {
        return difference < 0 ? -1 : 1;
      }
      return Long.compare(order, other.order);
    }

    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(order);
    }
  }

  /**
   * Runs {@code action} on the timer's thread once {@link System#nanoTime()} reaches {@code
   * deadlineNanos}, unless the returned deadline is cancelled first.
   *
   * @throws RejectedExecutionException when the timer is closed, as a closed executor throws
   */
  Deadline add(long deadlineNanos, Runnable action) {
    if (closed) {
      throw new RejectedExecutionException("the A2A HTTP deadline timer is closed");
    }
    Deadline deadline = new Deadline(this, deadlineNanos, sequence.getAndIncrement(), action);
    deadlines.add(deadline);
    // This caller writes the set, then reads wakeAt. The thread writes wakeAt, then reads the set.
    // So either the caller reads the time the thread sleeps until, or the thread finds this entry.
    long sleepsUntil = wakeAt;
    if (sleepsUntil != AWAKE && deadlineNanos - sleepsUntil < 0) {
      LockSupport.unpark(thread);
    }
    return deadline;
  }

  /** Returns the number of pending deadlines. */
  int pending() {
    return deadlines.size();
  }

  private void runLoop() {
    while (!closed) {
      // Clears a stray interrupt, which would make every park return at once.
      Thread.interrupted();
      wakeAt = AWAKE;
      Deadline first = firstOrNull();
      long now = System.nanoTime();
      if (first != null && first.nanos - now <= 0) {
        deadlines.remove(first);
        if (first.claim()) {
          fire(first);
        }
        continue;
      }
      long until = first == null ? now + IDLE_NANOS : first.nanos;
      wakeAt = until;
      // Read the set again after writing wakeAt, because a caller that added a deadline before
      // then did not wake the thread.
      if (firstOrNull() == first && !closed) {
        LockSupport.parkNanos(this, until - now);
      }
    }
  }

  private @Nullable Deadline firstOrNull() {
    Iterator<Deadline> iterator = deadlines.iterator();
    return iterator.hasNext() ? iterator.next() : null;
  }

  private static void fire(Deadline deadline) {
    try {
      deadline.action.run();
    } catch (RuntimeException e) {
      LOG.warn("an exchange deadline action failed", e);
    } finally {
      deadline.finish();
    }
  }

  /** Stops the thread and drops the pending deadlines, whose actions never run. Idempotent. */
  @Override
  public void close() {
    closed = true;
    deadlines.clear();
    LockSupport.unpark(thread);
  }
}
