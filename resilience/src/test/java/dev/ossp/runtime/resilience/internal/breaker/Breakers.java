package dev.ossp.runtime.resilience.internal.breaker;

import dev.ossp.runtime.resilience.CircuitBreaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Shortcuts for driving a breaker in tests. */
final class Breakers {
  static final Duration FAST = Duration.ofMillis(5);

  private Breakers() {}

  static void succeed(CircuitBreaker breaker, int times) {
    for (int i = 0; i < times; i++) {
      breaker.executeSupplier(() -> "ok");
    }
  }

  static void fail(CircuitBreaker breaker, int times) {
    for (int i = 0; i < times; i++) {
      try {
        breaker.executeRunnable(
            () -> {
              throw new UncheckedIOException(new IOException("connection reset"));
            });
      } catch (UncheckedIOException expected) {
        // The failure is what the test wants recorded.
      }
    }
  }
}
