package dev.ossp.runtime.metrics.internal.registry;

import com.codahale.metrics.Snapshot;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * A Dropwizard {@link Snapshot} over the HdrHistogram of a {@link SlidingWindowReservoir} window.
 * An empty snapshot ("no data") returns {@code NaN} for percentiles, mean and standard deviation,
 * and 0 for min and max.
 *
 * <p>{@link #getValues()} cannot return every recorded value, because the histogram keeps only
 * counts per value bin. It returns at most {@value #MAX_VALUES} values read at evenly spaced ranks,
 * which preserves the distribution. Instances are immutable and thread-safe.
 */
public final class WindowSnapshot extends Snapshot {
  /** The maximum number of values {@link #getValues()} returns. */
  public static final int MAX_VALUES = 4096;

  private final Histogram histogram;

  /** Wraps {@code histogram}, which the caller must not change afterwards. */
  public WindowSnapshot(Histogram histogram) {
    this.histogram = Objects.requireNonNull(histogram, "histogram");
  }

  /** Returns whether no value was recorded in the window. */
  public boolean isEmpty() {
    return histogram.getTotalCount() == 0;
  }

  /** Returns the number of values in the window. */
  public long count() {
    return histogram.getTotalCount();
  }

  /** Returns a copy of the underlying histogram. */
  public Histogram histogram() {
    return histogram.copy();
  }

  /**
   * Returns the value at {@code quantile}, in 0..1, or {@code NaN} when the snapshot is empty.
   *
   * @throws IllegalArgumentException if the quantile is outside 0..1
   */
  @Override
  public double getValue(double quantile) {
    if (!(quantile >= 0 && quantile <= 1)) {
      throw new IllegalArgumentException("quantile must be in 0..1, was " + quantile);
    }
    if (isEmpty()) {
      return Double.NaN;
    }
    return histogram.getValueAtPercentile(quantile * 100);
  }

  @Override
  public long[] getValues() {
    long count = histogram.getTotalCount();
    int size = (int) Math.min(count, MAX_VALUES);
    long[] values = new long[size];
    for (int i = 0; i < size; i++) {
      double percentile = 100.0 * (i + 0.5) / size;
      values[i] = histogram.getValueAtPercentile(percentile);
    }
    return values;
  }

  @Override
  public int size() {
    return (int) Math.min(histogram.getTotalCount(), Integer.MAX_VALUE);
  }

  @Override
  public long getMax() {
    return isEmpty() ? 0 : histogram.getMaxValue();
  }

  @Override
  public double getMean() {
    return isEmpty() ? Double.NaN : histogram.getMean();
  }

  @Override
  public long getMin() {
    return isEmpty() ? 0 : histogram.getMinValue();
  }

  @Override
  public double getStdDev() {
    return isEmpty() ? Double.NaN : histogram.getStdDeviation();
  }

  /** Writes the values of {@link #getValues()} to {@code output}, one per line. */
  @Override
  public void dump(OutputStream output) {
    PrintWriter writer =
        new PrintWriter(new java.io.OutputStreamWriter(output, StandardCharsets.UTF_8));
    for (long value : getValues()) {
      writer.println(value);
    }
    writer.flush();
  }
}
