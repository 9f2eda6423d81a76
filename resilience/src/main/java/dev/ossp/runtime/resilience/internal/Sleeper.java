package dev.ossp.runtime.resilience.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Blocks the calling thread between retry attempts. Injected so tests never really sleep. */
@FunctionalInterface
public interface Sleeper {
  /**
   * Blocks for {@code duration}.
   *
   * @throws InterruptedException if the thread is interrupted before or during the wait; the
   *     interrupt flag is then clear, as for {@link Thread#sleep(long)}
   */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns a sleeper that uses {@link TimeUnit#sleep(long)}. */
  static Sleeper system() {
    return duration -> {
      long nanos;
      try {
        nanos = duration.toNanos();
      } catch (ArithmeticException e) {
        nanos = Long.MAX_VALUE;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted before the retry wait");
      }
      TimeUnit.NANOSECONDS.sleep(nanos);
    };
  }
}
