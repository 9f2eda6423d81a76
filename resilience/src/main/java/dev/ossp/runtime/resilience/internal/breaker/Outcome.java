package dev.ossp.runtime.resilience.internal.breaker;

/**
 * The recorded outcome of one call, as a small bit set: {@link #SUCCESS} or {@link #FAILURE},
 * optionally with {@link #SLOW}. Zero marks an empty window slot.
 */
final class Outcome {
  static final int EMPTY = 0;
  static final int SUCCESS = 1;
  static final int FAILURE = 2;
  static final int SLOW = 4;

  private Outcome() {}

  static int of(boolean failed, boolean slow) {
    return (failed ? FAILURE : SUCCESS) | (slow ? SLOW : 0);
  }

  static boolean isFailure(int outcome) {
    return (outcome & FAILURE) != 0;
  }

  static boolean isSlow(int outcome) {
    return (outcome & SLOW) != 0;
  }
}
