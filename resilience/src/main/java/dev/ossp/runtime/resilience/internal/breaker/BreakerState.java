package dev.ossp.runtime.resilience.internal.breaker;

import dev.ossp.runtime.resilience.CircuitBreaker.State;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One period in one state of a breaker. A breaker holds its current period in an atomic reference;
 * every transition replaces the object with compare-and-set, so exactly one thread wins each
 * transition, and a call remembers the period that admitted it so that a late outcome can never be
 * counted in a later period.
 *
 * <p>Every period keeps the sliding window of the CLOSED period it follows, for metrics.
 */
abstract class BreakerState {
  final State state;
  final long enteredNanos;
  final SlidingWindow window;

  BreakerState(State state, long enteredNanos, SlidingWindow window) {
    this.state = state;
    this.enteredNanos = enteredNanos;
    this.window = window;
  }

  /** CLOSED or METRICS_ONLY: calls are recorded into the window. */
  static final class Recording extends BreakerState {
    final AtomicInteger consecutiveFailures;

    /** Set once METRICS_ONLY has logged that a threshold was reached. */
    final AtomicBoolean thresholdLogged = new AtomicBoolean();

    Recording(State state, long enteredNanos, SlidingWindow window, AtomicInteger consecutive) {
      super(state, enteredNanos, window);
      this.consecutiveFailures = consecutive;
    }

    Recording withWindow(SlidingWindow newWindow) {
      return new Recording(state, enteredNanos, newWindow, consecutiveFailures);
    }
  }

  /** OPEN: calls are rejected until {@link #untilNanos}. */
  static final class Open extends BreakerState {
    final long untilNanos;
    final int consecutiveOpenings;

    Open(long enteredNanos, SlidingWindow window, long untilNanos, int consecutiveOpenings) {
      super(State.OPEN, enteredNanos, window);
      this.untilNanos = untilNanos;
      this.consecutiveOpenings = consecutiveOpenings;
    }
  }

  /** HALF_OPEN: a limited number of probes run at a time. */
  static final class HalfOpen extends BreakerState {
    final int consecutiveOpenings;

    /** Probes that may start now; may drop below zero after a reconfiguration lowers the limit. */
    final AtomicInteger permits;

    /** Probes started and not yet finished. */
    final AtomicInteger inFlight = new AtomicInteger();

    final AtomicInteger successes = new AtomicInteger();

    /** When a probe last started or finished. */
    volatile long lastActivityNanos;

    HalfOpen(long enteredNanos, SlidingWindow window, int consecutiveOpenings, int permits) {
      super(State.HALF_OPEN, enteredNanos, window);
      this.consecutiveOpenings = consecutiveOpenings;
      this.permits = new AtomicInteger(permits);
      this.lastActivityNanos = enteredNanos;
    }

    boolean tryTakePermit(long nowNanos) {
      while (true) {
        int available = permits.get();
        if (available <= 0) {
          return false;
        }
        if (permits.compareAndSet(available, available - 1)) {
          inFlight.incrementAndGet();
          lastActivityNanos = nowNanos;
          return true;
        }
      }
    }

    /** Ends one probe; returns false when none was in flight (a stale or repeated report). */
    boolean finishProbe(long nowNanos) {
      while (true) {
        int running = inFlight.get();
        if (running <= 0) {
          return false;
        }
        if (inFlight.compareAndSet(running, running - 1)) {
          lastActivityNanos = nowNanos;
          return true;
        }
      }
    }
  }

  /** FORCED_OPEN or DISABLED: operator states that record nothing. */
  static final class Operator extends BreakerState {
    Operator(State state, long enteredNanos, SlidingWindow window) {
      super(state, enteredNanos, window);
    }
  }
}
