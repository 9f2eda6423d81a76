package dev.ossp.runtime.cli.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A long-running launcher process, such as {@code serve}, whose output lines are collected. */
final class RunningProcess implements AutoCloseable {
  private final Process process;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final CompletableFuture<String> stderr;

  private RunningProcess(Process process) {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  stdout.add(line);
                }
              } catch (IOException e) {
                stdout.add("(reading failed: " + e + ")");
              }
            },
            "e2e-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    this.stderr = ProcessRunner.drain(process.getErrorStream());
  }

  static RunningProcess start(List<String> command, Path directory, Map<String, String> environment)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return new RunningProcess(builder.start());
  }

  /** The process id, the JVM's once the launcher has exec'd. */
  long pid() {
    return process.pid();
  }

  /** Returns the first stdout line that contains {@code text}, waiting up to {@code timeout}. */
  String awaitLine(String text, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Optional<String> line =
          stdout.stream().filter(candidate -> candidate.contains(text)).findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "no output line with '"
            + text
            + "' within "
            + timeout
            + "; alive="
            + process.isAlive()
            + "\nstdout:\n"
            + String.join("\n", stdout)
            + "\nstderr:\n"
            + stderr.getNow("(still running)"));
  }

  /** Sends a signal such as {@code INT} or {@code TERM} with kill(1). */
  void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
    }
  }

  /** Waits for the process to end and returns what it printed. */
  CommandResult awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new AssertionError("process " + process.pid() + " did not exit within " + timeout);
    }
    String errors;
    try {
      errors = stderr.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      errors = "(not collected: " + e + ")";
    }
    // Give the reader a moment to take the last lines after the pipe closed.
    Thread.sleep(100);
    return new CommandResult(process.exitValue(), String.join("\n", stdout), errors);
  }

  /** Kills the process and its children if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
