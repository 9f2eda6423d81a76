package dev.ossp.runtime.a2a.internal.http;

import java.time.Duration;

/** Waits between attempts; injected so tests can observe the waits. */
@FunctionalInterface
public interface Sleeper {
  /** The sleeper that blocks the calling thread. */
  Sleeper THREAD =
      duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  /** Waits {@code duration}; throws when the thread is interrupted. */
  void sleep(Duration duration) throws InterruptedException;
}
