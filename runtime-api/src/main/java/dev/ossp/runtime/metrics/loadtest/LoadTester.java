package dev.ossp.runtime.metrics.loadtest;

import java.io.PrintStream;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Runs load-test scenarios and renders their reports. The metrics module provides the
 * implementation; get it from the runtime's injector or with {@link #load()}.
 *
 * <p>Implementations are thread-safe, and each {@link #run} call uses its own threads, which it
 * stops before returning.
 */
public interface LoadTester {
  /**
   * Runs each scenario in turn: warm-up, then the measured phase, within the bounds of {@code
   * config}.
   *
   * @throws IllegalArgumentException if {@code scenarios} is empty or has two scenarios of one name
   * @throws InterruptedException if the calling thread is interrupted; the workers are stopped
   */
  LoadTestReport run(LoadTestConfig config, List<LoadScenario> scenarios, LoadTestListener listener)
      throws InterruptedException;

  /**
   * Runs the scenarios without a listener; see {@link #run(LoadTestConfig, List,
   * LoadTestListener)}.
   */
  default LoadTestReport run(LoadTestConfig config, List<LoadScenario> scenarios)
      throws InterruptedException {
    return run(config, scenarios, progress -> {});
  }

  /** Returns {@code report} as an aligned text table. */
  String toText(LoadTestReport report);

  /** Returns {@code report} as JSON. */
  String toJson(LoadTestReport report);

  /**
   * Returns a listener that prints one status line per report to {@code terminal}, rewriting the
   * line in place with a carriage return.
   */
  LoadTestListener consoleProgress(PrintStream terminal);

  /**
   * Returns the implementation registered in {@code
   * META-INF/services/dev.ossp.runtime.metrics.loadtest.LoadTester}.
   *
   * @throws IllegalStateException if none is on the class path, because the metrics module is
   *     missing
   */
  static LoadTester load() {
    return ServiceLoader.load(LoadTester.class, LoadTester.class.getClassLoader())
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no LoadTester implementation found; add the ossp-metrics module to the class"
                        + " path"));
  }
}
