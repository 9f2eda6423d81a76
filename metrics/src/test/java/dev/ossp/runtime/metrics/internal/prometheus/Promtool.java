package dev.ossp.runtime.metrics.internal.prometheus;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code promtool check metrics}, the Prometheus server's own exposition parser and linter, on
 * a text. Fails the test, and does not skip it, when promtool is not installed.
 */
final class Promtool {
  private static final long TIMEOUT_SECONDS = 30;

  private Promtool() {}

  /** The exit code and combined output of one {@code promtool check metrics} run. */
  record Result(int exitCode, String output) {}

  /** Asserts that promtool accepts {@code exposition} without errors or lint problems. */
  static void assertAccepts(String exposition) throws IOException, InterruptedException {
    Result result = checkMetrics(exposition);
    org.assertj.core.api.Assertions.assertThat(result.exitCode())
        .as(
            "promtool check metrics exit code; output:%n%s%nexposition:%n%s",
            result.output(), exposition)
        .isZero();
  }

  /** Returns the result of checking {@code exposition}. */
  static Result checkMetrics(String exposition) throws IOException, InterruptedException {
    Path promtool = locate();
    Process process =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("promtool check metrics did not finish within " + TIMEOUT_SECONDS + " s");
    }
    return new Result(process.exitValue(), output);
  }

  private static Path locate() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(java.io.File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, "promtool");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail(
        "promtool was not found on PATH. The metrics tests validate the Prometheus exposition with"
            + " it: install the Debian package 'prometheus' (apt-get install prometheus), as .ci/run"
            + " does.");
  }
}
