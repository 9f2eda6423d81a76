package dev.ossp.runtime.resilience.internal;

import java.time.Clock;
import java.time.Instant;

/**
 * The clocks a component reads: a monotonic nanosecond counter for durations and deadlines, and the
 * wall clock for event times. Injected so that tests can move time by hand.
 *
 * <p>Implementations are thread-safe.
 */
public interface TimeSource {
  /** Returns a monotonic nanosecond reading, only meaningful as a difference to another. */
  long nanoTime();

  /** Returns the wall-clock time. */
  Instant now();

  /** Returns the system clocks: {@link System#nanoTime()} and the UTC system clock. */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }

  /**
   * Returns {@link System#nanoTime()} for durations and {@code clock} for wall-clock time, such as
   * the clock the runtime binds.
   */
  static TimeSource of(Clock clock) {
    java.util.Objects.requireNonNull(clock, "clock");

    return new TimeSource() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public Instant now() {
        return clock.instant();
      }

      @Override
      public String toString() {
        return "TimeSource.of(" + clock + ")";
      }
    };
  }

  /** The system clocks. */
  final class SystemTimeSource implements TimeSource {
    static final SystemTimeSource INSTANCE = new SystemTimeSource();

    private final Clock clock = Clock.systemUTC();

    private SystemTimeSource() {}

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Instant now() {
      return clock.instant();
    }

    @Override
    public String toString() {
      return "TimeSource.system()";
    }
  }
}
