package dev.ossp.runtime.resilience.internal.breaker;

import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A window of the last {@code size} outcomes: a ring of one byte per call and a sequence counter.
 * Recording is one atomic increment and one release store. Counts are computed by scanning the ring
 * when they are needed (on failures, slow calls and metric reads), which keeps the success path
 * cheap and makes every snapshot consistent: it is built from the outcome bytes themselves.
 *
 * <p>When more than {@code size} writers race, two may write the same slot and the older outcome
 * may win; the window then holds an outcome slightly older than the last {@code size}.
 */
final class CountWindow implements SlidingWindow {
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(byte[].class);

  private final byte[] slots;
  private final AtomicLong sequence;

  CountWindow(int size, long startSequence) {
    this.slots = new byte[size];
    this.sequence = new AtomicLong(startSequence);
  }

  @Override
  public boolean needsTime() {
    return false;
  }

  @Override
  public void record(int outcome, long nowNanos) {
    long index = sequence.getAndIncrement();
    SLOTS.setRelease(slots, (int) (index % slots.length), (byte) outcome);
  }

  @Override
  public WindowCounts snapshot(long nowNanos) {
    int buffered = 0;
    int failed = 0;
    int slow = 0;
    int slowFailed = 0;
    for (int i = 0; i < slots.length; i++) {
      int outcome = (byte) SLOTS.getAcquire(slots, i);
      if (outcome == Outcome.EMPTY) {
        continue;
      }
      buffered++;
      boolean isFailure = Outcome.isFailure(outcome);
      boolean isSlow = Outcome.isSlow(outcome);
      if (isFailure) {
        failed++;
      }
      if (isSlow) {
        slow++;
        if (isFailure) {
          slowFailed++;
        }
      }
    }
    return buffered == 0
        ? WindowCounts.EMPTY
        : new WindowCounts(buffered, failed, slow, slowFailed);
  }

  @Override
  public long totalRecorded() {
    return sequence.get();
  }

  @Override
  public boolean hasShape(CircuitBreakerConfig config) {
    return config.slidingWindowType() == CircuitBreakerConfig.SlidingWindowType.COUNT_BASED
        && config.slidingWindowSize() == slots.length;
  }

  @Override
  public SlidingWindow resized(CircuitBreakerConfig config, long nowNanos) {
    long end = sequence.get();
    long total = end;
    if (config.slidingWindowType() == CircuitBreakerConfig.SlidingWindowType.TIME_BASED) {
      return TimeWindow.withCounts(config.slidingWindowSize(), total, snapshot(nowNanos), nowNanos);
    }
    int newSize = config.slidingWindowSize();
    long kept = Math.min(Math.min(end, slots.length), newSize);
    CountWindow window = new CountWindow(newSize, total - kept);
    for (long index = end - kept; index < end; index++) {
      int outcome = (byte) SLOTS.getAcquire(slots, (int) (index % slots.length));
      if (outcome == Outcome.EMPTY) {
        window.sequence.incrementAndGet();
      } else {
        window.record(outcome, nowNanos);
      }
    }
    return window;
  }

  /**
   * Returns a window of {@code size} slots holding outcomes that reproduce {@code counts} (scaled
   * down when they do not fit), whose total is {@code total}.
   */
  static CountWindow withCounts(int size, long total, WindowCounts counts) {
    double scale = counts.buffered() > size ? (double) size / counts.buffered() : 1;
    int slowFailed = (int) (counts.slowFailed() * scale);
    int failedOnly = (int) (counts.failed() * scale) - slowFailed;
    int slowSucceeded = (int) ((counts.slow() - counts.slowFailed()) * scale);
    int succeeded =
        Math.max(0, (int) (counts.buffered() * scale) - slowFailed - failedOnly - slowSucceeded);
    int count = slowFailed + failedOnly + slowSucceeded + succeeded;
    CountWindow window = new CountWindow(size, total);
    long index = total - count;
    index = fill(window, index, Outcome.of(true, true), slowFailed);
    index = fill(window, index, Outcome.of(true, false), failedOnly);
    index = fill(window, index, Outcome.of(false, true), slowSucceeded);
    fill(window, index, Outcome.of(false, false), succeeded);
    return window;
  }

  private static long fill(CountWindow window, long from, int outcome, int count) {
    long index = from;
    for (int i = 0; i < count; i++, index++) {
      SLOTS.setRelease(
          window.slots, (int) Math.floorMod(index, (long) window.slots.length), (byte) outcome);
    }
    return index;
  }
}
