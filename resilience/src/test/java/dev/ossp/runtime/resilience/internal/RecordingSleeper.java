package dev.ossp.runtime.resilience.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that records each wait and moves a {@link ManualTime} instead of blocking. */
public final class RecordingSleeper implements Sleeper {
  private final ManualTime time;
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  public RecordingSleeper(ManualTime time) {
    this.time = time;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before the wait");
    }
    waits.add(duration);
    time.advance(duration);
  }

  /** Returns every wait, in order. */
  public List<Duration> waits() {
    return List.copyOf(waits);
  }
}
