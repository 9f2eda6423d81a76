package dev.ossp.runtime.metrics.internal.registry;

import com.codahale.metrics.Clock;
import com.codahale.metrics.Reservoir;
import com.codahale.metrics.Snapshot;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * A Dropwizard {@link Reservoir} that keeps the values of a sliding time window in a ring of
 * HdrHistograms, one per time slice, so memory does not grow with the recording rate.
 *
 * <p>The window is split into {@code slices} equal slices. A snapshot merges the current slice with
 * the {@code slices - 1} slices before it, so it covers between {@code window - window/slices} and
 * {@code window} of history; once no value was recorded for a whole window, the snapshot is empty
 * and its percentiles are {@code NaN} ("no data").
 *
 * <p>Bounds: values are kept with {@value #SIGNIFICANT_DIGITS} significant decimal digits, so a
 * reported percentile is within 1% of a value that was recorded at that rank. Negative values are
 * recorded as 0 and values above {@value #HIGHEST_TRACKABLE} as that value. Each slice is a packed
 * histogram whose size grows with the number of distinct value bins it contains, never with the
 * number of values. A slice has at most 128 bins per power of two of the value range, each 8 bytes
 * or less. The recorder's two interval buffers are plain (not packed) histograms, sized by the
 * largest value recorded: about 35 KB each once values reach 10 seconds in nanoseconds.
 *
 * <p>Recording is wait-free (an HdrHistogram {@link Recorder}) except when it is the first call of
 * a new slice, which rotates the ring under a lock that recording threads only try to take.
 * Snapshots take the lock. This class is thread-safe.
 *
 * <p>The recorder is not the packed variant on purpose. With HdrHistogram 2.2.2, a packed recorder
 * left a recording thread spinning forever in our stress runs when several threads recorded into an
 * interval buffer that had just been swapped out and reset. On a node, such a request thread never
 * sent its response and its client timed out.
 */
public final class SlidingWindowReservoir implements Reservoir {
  /** Decimal digits of precision kept for every value. */
  public static final int SIGNIFICANT_DIGITS = 2;

  /** The largest value kept as it is; larger values are recorded as this value. */
  public static final long HIGHEST_TRACKABLE = Long.MAX_VALUE / 4;

  private final Clock clock;
  private final long sliceNanos;
  private final long origin;
  private final PackedHistogram[] slices;
  private final long[] sliceEpochs;
  private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
  private final ReentrantLock lock = new ReentrantLock();

  private volatile long nextRotation;
  private long currentEpoch;
  private @Nullable Histogram recycledInterval;

  /**
   * Creates an empty reservoir.
   *
   * @param window the time the values are kept, at least 1 second
   * @param sliceCount the number of slices the window is split into, in 2..60
   * @param clock the clock whose {@link Clock#getTick()} (nanoseconds) decides the slices
   * @throws IllegalArgumentException if the window or the slice count is out of range
   */
  public SlidingWindowReservoir(Duration window, int sliceCount, Clock clock) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(clock, "clock");

    if (window.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("window must be at least 1s, was " + window);
    }
    if (sliceCount < 2 || sliceCount > 60) {
      throw new IllegalArgumentException("sliceCount must be in 2..60, was " + sliceCount);
    }
    this.clock = clock;
    this.sliceNanos = window.toNanos() / sliceCount;
    this.origin = clock.getTick();
    this.slices = new PackedHistogram[sliceCount];
    this.sliceEpochs = new long[sliceCount];
    for (int i = 0; i < sliceCount; i++) {
      slices[i] = new PackedHistogram(SIGNIFICANT_DIGITS);
      sliceEpochs[i] = Long.MIN_VALUE;
    }
    this.currentEpoch = 0;
    this.sliceEpochs[0] = 0;
    this.nextRotation = origin + sliceNanos;
  }

  @Override
  public void update(long value) {
    long now = clock.getTick();
    if (now - nextRotation >= 0 && lock.tryLock()) {
      try {
        rotate(now);
      } finally {
        lock.unlock();
      }
    }
    recorder.recordValue(clamp(value));
  }

  /** Returns the number of values in the window, at most {@link Integer#MAX_VALUE}. */
  @Override
  public int size() {
    return getSnapshot().size();
  }

  @Override
  public Snapshot getSnapshot() {
    return new WindowSnapshot(windowHistogram());
  }

  /**
   * Returns a copy of the values in the window as one histogram, for merging several reservoirs.
   */
  public Histogram windowHistogram() {
    lock.lock();
    try {
      long now = clock.getTick();
      rotate(now);
      flushInto(slotOf(currentEpoch));
      Histogram merged = new Histogram(SIGNIFICANT_DIGITS);
      for (int i = 0; i < slices.length; i++) {
        if (sliceEpochs[i] > currentEpoch - slices.length) {
          merged.add(slices[i]);
        }
      }
      return merged;
    } finally {
      lock.unlock();
    }
  }

  /** Returns the estimated bytes held by the slices and the recorder's two buffers. */
  public long estimatedFootprintBytes() {
    lock.lock();
    try {
      long bytes = 0;
      for (PackedHistogram slice : slices) {
        bytes += slice.getEstimatedFootprintInBytes();
      }
      Histogram interval = recycledInterval;
      long recorderBytes = interval == null ? 0 : interval.getEstimatedFootprintInBytes();
      return bytes + 2 * recorderBytes;
    } finally {
      lock.unlock();
    }
  }

  private void rotate(long now) {
    long epoch = Math.floorDiv(now - origin, sliceNanos);
    if (epoch <= currentEpoch) {
      return;
    }
    // Values recorded since the last flush belong to the slice that was current until now.
    flushInto(slotOf(currentEpoch));
    int slot = slotOf(epoch);
    slices[slot].reset();
    sliceEpochs[slot] = epoch;
    currentEpoch = epoch;
    nextRotation = origin + (epoch + 1) * sliceNanos;
  }

  private void flushInto(int slot) {
    Histogram interval = recorder.getIntervalHistogram(recycledInterval, true);
    if (interval.getTotalCount() > 0) {
      slices[slot].add(interval);
    }
    recycledInterval = interval;
  }

  private int slotOf(long epoch) {
    return (int) Math.floorMod(epoch, (long) slices.length);
  }

  private static long clamp(long value) {
    if (value < 0) {
      return 0;
    }
    return Math.min(value, HIGHEST_TRACKABLE);
  }
}
