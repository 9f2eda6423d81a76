package dev.ossp.runtime.metrics.loadtest;

/**
 * Hears about a load test's progress, every {@link LoadTestConfig#progressInterval()} and once when
 * each phase ends. Called from one reporting thread; an exception is logged and ignored.
 */
@FunctionalInterface
public interface LoadTestListener {
  /** Receives a progress report. */
  void onProgress(LoadProgress progress);
}
