package dev.ossp.runtime.resilience.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A time source that only moves when a test calls {@link #advance(Duration)}. */
public final class ManualTime implements TimeSource {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final long START_NANOS = 1_000_000_000_000L;

  private final AtomicLong nanos = new AtomicLong(START_NANOS);

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public Instant now() {
    return START.plusNanos(nanos.get() - START_NANOS);
  }

  /** Moves both clocks forward by {@code duration}. */
  public void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  /** Returns how far the clocks moved since the start. */
  public Duration elapsed() {
    return Duration.ofNanos(nanos.get() - START_NANOS);
  }
}
