package dev.ossp.runtime.metrics.internal.registry;

import com.codahale.metrics.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A Dropwizard clock that moves only when a test advances it. */
public final class ManualClock extends Clock {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  @Override
  public long getTick() {
    return nanos.get();
  }

  @Override
  public long getTime() {
    return nanos.get() / 1_000_000;
  }

  /** Moves the clock forward by {@code duration}. */
  public void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
