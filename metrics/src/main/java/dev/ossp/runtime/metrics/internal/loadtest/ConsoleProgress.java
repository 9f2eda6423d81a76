package dev.ossp.runtime.metrics.internal.loadtest;

import dev.ossp.runtime.metrics.loadtest.LoadProgress;
import dev.ossp.runtime.metrics.loadtest.LoadTestListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Prints one status line per progress report, rewritten in place with a carriage return, and ends
 * the line when a phase completes.
 */
final class ConsoleProgress implements LoadTestListener {
  private final PrintStream terminal;

  ConsoleProgress(PrintStream terminal) {
    this.terminal = Objects.requireNonNull(terminal, "terminal");
  }

  @Override
  public void onProgress(LoadProgress progress) {
    double elapsed = progress.elapsed().toMillis() / 1000.0;
    double length = progress.phaseLength().toMillis() / 1000.0;
    double rate = elapsed > 0 ? progress.requests() / elapsed : 0;
    terminal.printf(
        Locale.ROOT,
        "\r%-24s %-8s %6.1f/%.1f s  %8d requests  %6d failed  %8.1f req/s",
        progress.scenario(),
        progress.warmup() ? "warm-up" : "measure",
        elapsed,
        length,
        progress.requests(),
        progress.failures(),
        rate);
    if (progress.elapsed().compareTo(progress.phaseLength()) >= 0) {
      terminal.println();
    }
    terminal.flush();
  }
}
