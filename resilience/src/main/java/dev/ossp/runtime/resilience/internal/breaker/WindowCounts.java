package dev.ossp.runtime.resilience.internal.breaker;

/**
 * Counts read from a sliding window at one moment. Windows build these so that {@code 0 <=
 * slowFailed <= failed <= buffered} and {@code slowFailed <= slow <= buffered} always hold.
 *
 * @param buffered calls in the window
 * @param failed failed calls
 * @param slow slow calls, failed or not
 * @param slowFailed slow calls that failed
 */
record WindowCounts(int buffered, int failed, int slow, int slowFailed) {
  static final WindowCounts EMPTY = new WindowCounts(0, 0, 0, 0);

  int successful() {
    return buffered - failed;
  }

  /** Returns the failure rate in percent. Only meaningful when {@code buffered > 0}. */
  double failureRate() {
    return failed * 100.0 / buffered;
  }

  /** Returns the slow-call rate in percent. Only meaningful when {@code buffered > 0}. */
  double slowCallRate() {
    return slow * 100.0 / buffered;
  }
}
