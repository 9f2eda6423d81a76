package dev.ossp.runtime.resilience.internal.breaker;

import dev.ossp.runtime.resilience.CircuitBreakerConfig;

/**
 * The outcomes of the most recent calls, over which failure and slow-call rates are computed.
 * Recording takes no lock and allocates nothing.
 *
 * <p>Implementations are thread-safe. Under concurrent recording a snapshot may miss outcomes that
 * are being written at that moment, but its counts are always consistent with each other.
 */
interface SlidingWindow {
  /** Whether {@link #record} needs the current time; false lets callers skip reading the clock. */
  boolean needsTime();

  /**
   * Records one outcome.
   *
   * @param outcome an {@link Outcome} bit set
   * @param nowNanos the current {@code TimeSource.nanoTime()}, or 0 when {@link #needsTime()} is
   *     false
   */
  void record(int outcome, long nowNanos);

  /** Returns the counts of the outcomes currently in the window. */
  WindowCounts snapshot(long nowNanos);

  /** Returns the number of outcomes ever recorded, including those carried over on resizing. */
  long totalRecorded();

  /**
   * Returns a new window shaped by {@code config} holding this window's most recent outcomes and
   * continuing its {@link #totalRecorded()}.
   */
  SlidingWindow resized(CircuitBreakerConfig config, long nowNanos);

  /** Returns whether this window already has the shape {@code config} asks for. */
  boolean hasShape(CircuitBreakerConfig config);

  /** Returns an empty window shaped by {@code config} whose total starts at {@code total}. */
  static SlidingWindow create(CircuitBreakerConfig config, long total) {
    return config.slidingWindowType() == CircuitBreakerConfig.SlidingWindowType.COUNT_BASED
        ? new CountWindow(config.slidingWindowSize(), total)
        : new TimeWindow(config.slidingWindowSize(), total);
  }
}
