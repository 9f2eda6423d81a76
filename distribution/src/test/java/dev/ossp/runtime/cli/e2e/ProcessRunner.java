package dev.ossp.runtime.cli.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a process to its end within a time bound, collecting both outputs. */
final class ProcessRunner {
  private ProcessRunner() {}

  /**
   * Returns the command prefix that resets SIGINT to its default action before running the rest. A
   * process started from a shell without job control inherits SIGINT as ignored, and the JVM then
   * installs no handler; perl restores the default, and exec keeps the process id.
   */
  static List<String> withDefaultSigint() {
    return List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\"");
  }

  /**
   * Runs {@code command} in {@code directory} with exactly {@code environment}, closing its
   * standard input.
   *
   * @throws AssertionError if it runs longer than {@code timeout}; it is killed first
   */
  static CommandResult run(
      List<String> command, Path directory, Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    CompletableFuture<String> stdout = drain(process.getInputStream());
    CompletableFuture<String> stderr = drain(process.getErrorStream());
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError(
          "command did not end within "
              + timeout
              + ": "
              + command
              + "\nstdout so far:\n"
              + stdout.getNow(""));
    }
    return new CommandResult(process.exitValue(), join(stdout), join(stderr));
  }

  static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "(reading failed: " + e + ")";
          }
        });
  }

  private static String join(CompletableFuture<String> output) {
    try {
      return output.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return "(output not collected: " + e + ")";
    }
  }
}
