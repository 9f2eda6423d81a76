package dev.ossp.runtime.resilience.internal.breaker;

import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A window of the outcomes of the last {@code size} seconds: one bucket per second, each bucket's
 * four counts packed into one {@code long} of four 16-bit fields (buffered, failed, slow,
 * slow-failed) and updated with one compare-and-set, so every bucket is always consistent.
 *
 * <p>A bucket holds at most 65,535 calls. Calls beyond that in the same second are not recorded, so
 * above that rate the window is a sample of the first 65,535 calls of each second; rates stay
 * meaningful.
 */
final class TimeWindow implements SlidingWindow {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long FIELD_MASK = 0xFFFFL;
  private static final int FAILED_SHIFT = 16;
  private static final int SLOW_SHIFT = 32;
  private static final int SLOW_FAILED_SHIFT = 48;

  private final int size;
  private final AtomicLongArray seconds;
  private final AtomicLongArray counts;
  private final AtomicLong total;

  TimeWindow(int size, long startTotal) {
    this.size = size;
    this.seconds = new AtomicLongArray(size);
    this.counts = new AtomicLongArray(size);
    this.total = new AtomicLong(startTotal);
    for (int i = 0; i < size; i++) {
      seconds.set(i, Long.MIN_VALUE);
    }
  }

  @Override
  public boolean needsTime() {
    return true;
  }

  @Override
  public void record(int outcome, long nowNanos) {
    total.incrementAndGet();
    long second = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
    int index = (int) Math.floorMod(second, (long) size);
    long bucketSecond = seconds.get(index);
    if (bucketSecond != second) {
      if (bucketSecond > second) {
        // A writer that read the clock before a newer second started: its bucket is gone.
        return;
      }
      if (seconds.compareAndSet(index, bucketSecond, second)) {
        counts.set(index, 0L);
      }
    }
    long delta = 1L;
    if (Outcome.isFailure(outcome)) {
      delta |= 1L << FAILED_SHIFT;
    }
    if (Outcome.isSlow(outcome)) {
      delta |= 1L << SLOW_SHIFT;
      if (Outcome.isFailure(outcome)) {
        delta |= 1L << SLOW_FAILED_SHIFT;
      }
    }
    while (true) {
      long current = counts.get(index);
      if ((current & FIELD_MASK) == FIELD_MASK) {
        return;
      }
      if (counts.compareAndSet(index, current, current + delta)) {
        return;
      }
    }
  }

  @Override
  public WindowCounts snapshot(long nowNanos) {
    long now = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
    int buffered = 0;
    int failed = 0;
    int slow = 0;
    int slowFailed = 0;
    for (int i = 0; i < size; i++) {
      long second = seconds.get(i);
      long packed = counts.get(i);
      if (second > now - size && second <= now) {
        buffered += (int) (packed & FIELD_MASK);
        failed += (int) ((packed >>> FAILED_SHIFT) & FIELD_MASK);
        slow += (int) ((packed >>> SLOW_SHIFT) & FIELD_MASK);
        slowFailed += (int) ((packed >>> SLOW_FAILED_SHIFT) & FIELD_MASK);
      }
    }
    return buffered == 0
        ? WindowCounts.EMPTY
        : new WindowCounts(buffered, failed, slow, slowFailed);
  }

  @Override
  public long totalRecorded() {
    return total.get();
  }

  @Override
  public boolean hasShape(CircuitBreakerConfig config) {
    return config.slidingWindowType() == CircuitBreakerConfig.SlidingWindowType.TIME_BASED
        && config.slidingWindowSize() == size;
  }

  @Override
  public SlidingWindow resized(CircuitBreakerConfig config, long nowNanos) {
    long carried = total.get();
    if (config.slidingWindowType() == CircuitBreakerConfig.SlidingWindowType.COUNT_BASED) {
      return CountWindow.withCounts(config.slidingWindowSize(), carried, snapshot(nowNanos));
    }
    TimeWindow window = new TimeWindow(config.slidingWindowSize(), carried);
    long now = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
    for (int i = 0; i < size; i++) {
      long second = seconds.get(i);
      if (second > now - window.size && second > now - size && second <= now) {
        int target = (int) Math.floorMod(second, (long) window.size);
        window.seconds.set(target, second);
        window.counts.set(target, counts.get(i));
      }
    }
    return window;
  }

  /**
   * Returns a window of {@code size} seconds holding {@code counts} in the current second, whose
   * total is {@code total}. Counts above a bucket's capacity are scaled down.
   */
  static TimeWindow withCounts(int size, long total, WindowCounts counts, long nowNanos) {
    TimeWindow window = new TimeWindow(size, total);
    double scale = counts.buffered() > FIELD_MASK ? (double) FIELD_MASK / counts.buffered() : 1;
    long packed =
        (long) (counts.buffered() * scale)
            | (long) (counts.failed() * scale) << FAILED_SHIFT
            | (long) (counts.slow() * scale) << SLOW_SHIFT
            | (long) (counts.slowFailed() * scale) << SLOW_FAILED_SHIFT;
    long second = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
    int index = (int) Math.floorMod(second, (long) size);
    window.seconds.set(index, second);
    window.counts.set(index, packed);
    return window;
  }
}
