package dev.ossp.runtime.resilience.internal.retry;

import dev.ossp.runtime.resilience.RetryBudget;
import dev.ossp.runtime.resilience.RetryBudgetConfig;
import dev.ossp.runtime.resilience.RetryBudgetMetrics;
import dev.ossp.runtime.resilience.internal.TimeSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A retry budget over a sliding window of whole seconds. A retry is granted while the retries
 * granted in the window stay below {@code minRetriesPerSecond × windowSeconds + ratio ×
 * callsInWindow}.
 *
 * <p>Counting a call is one {@link LongAdder} increment: calls are kept as one running total, and
 * the window's share is derived on the retry path, which takes a short lock. For each second the
 * budget remembers the running total at the start of that second. Seconds in which no retry was
 * asked for are filled in by linear interpolation between two readings of the total, which assumes
 * calls were spread evenly over that gap.
 *
 * <p>This class is thread-safe.
 */
public final class DefaultRetryBudget implements RetryBudget {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final String name;
  private final RetryBudgetConfig config;
  private final TimeSource time;
  private final int windowSeconds;
  private final LongAdder calls = new LongAdder();
  private final AtomicLong rejections = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();
  // Guarded by lock: per second of the window, indexed by second % windowSeconds.
  private final long[] bucketSecond;
  private final long[] callsAtStart;
  private final long[] retries;
  private long lastSecond;
  private long lastCalls;

  /** Creates an empty budget named {@code name}. */
  public DefaultRetryBudget(String name, RetryBudgetConfig config, TimeSource time) {
    this.name = Objects.requireNonNull(name, "name");
    this.config = Objects.requireNonNull(config, "config");
    this.time = Objects.requireNonNull(time, "time");

    this.windowSeconds = (int) config.window().getSeconds();
    this.bucketSecond = new long[windowSeconds];
    this.callsAtStart = new long[windowSeconds];
    this.retries = new long[windowSeconds];
    this.lastSecond = currentSecond();
    java.util.Arrays.fill(bucketSecond, Long.MIN_VALUE);
    int index = index(lastSecond);
    bucketSecond[index] = lastSecond;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RetryBudgetConfig config() {
    return config;
  }

  @Override
  public void recordCall() {
    calls.increment();
  }

  @Override
  public boolean tryAcquireRetry() {
    lock.lock();
    try {
      long now = currentSecond();
      long totalCalls = roll(now);
      long granted = retriesInWindow(now);
      if (granted < allowed(totalCalls - callsAtWindowStart(now))) {
        retries[index(now)]++;
        return true;
      }
    } finally {
      lock.unlock();
    }
    rejections.incrementAndGet();
    return false;
  }

  @Override
  public RetryBudgetMetrics metrics() {
    lock.lock();
    try {
      long now = currentSecond();
      long totalCalls = roll(now);
      long windowCalls = totalCalls - callsAtWindowStart(now);
      long granted = retriesInWindow(now);
      return new RetryBudgetMetrics(
          windowCalls, granted, Math.max(0, allowed(windowCalls) - granted), rejections.get());
    } finally {
      lock.unlock();
    }
  }

  private long allowed(long windowCalls) {
    return (long)
        Math.floor(config.minRetriesPerSecond() * windowSeconds + config.ratio() * windowCalls);
  }

  private long currentSecond() {
    return Math.floorDiv(time.nanoTime(), NANOS_PER_SECOND);
  }

  private int index(long second) {
    return (int) Math.floorMod(second, (long) windowSeconds);
  }

  /**
   * Opens the buckets of the seconds since the last reading and returns the current call total.
   * Calls made since the last reading are spread evenly over the seconds from the last reading's
   * second to now.
   */
  private long roll(long now) {
    long total = calls.sum();
    if (now > lastSecond) {
      long gap = now - lastSecond;
      long first = Math.max(lastSecond + 1, now - windowSeconds + 1);
      for (long second = first; second <= now; second++) {
        int index = index(second);
        bucketSecond[index] = second;
        // The total at the start of `second`, assuming calls were spread evenly over the gap.
        callsAtStart[index] = lastCalls + (total - lastCalls) * (second - lastSecond) / (gap + 1);
        retries[index] = 0;
      }
      lastSecond = now;
    }
    // Every call counted so far happened in or before the current second.
    lastCalls = total;
    return total;
  }

  private long callsAtWindowStart(long now) {
    long oldest = Long.MAX_VALUE;
    long start = 0;
    for (int i = 0; i < windowSeconds; i++) {
      long second = bucketSecond[i];
      if (second > now - windowSeconds && second <= now && second < oldest) {
        oldest = second;
        start = callsAtStart[i];
      }
    }
    return start;
  }

  private long retriesInWindow(long now) {
    long sum = 0;
    for (int i = 0; i < windowSeconds; i++) {
      long second = bucketSecond[i];
      if (second > now - windowSeconds && second <= now) {
        sum += retries[i];
      }
    }
    return sum;
  }

  @Override
  public String toString() {
    return "RetryBudget[" + name + ", " + config + "]";
  }
}
