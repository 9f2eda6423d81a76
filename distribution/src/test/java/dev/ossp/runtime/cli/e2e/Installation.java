package dev.ossp.runtime.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real tarball unpacked into a temporary directory, and the commands to run its launcher as a
 * separate process. The build's {@code package} phase made the tarball; failsafe passes its
 * directory as {@code ossp.dist.dir}.
 */
final class Installation implements AutoCloseable {
  /** The default bound of one command. */
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

  private final Path parent;
  private final Path home;

  private Installation(Path parent, Path home) {
    this.parent = parent;
    this.home = home;
  }

  /** Unpacks the tarball next to the build's unpacked tree into a new temporary directory. */
  static Installation unpack() throws IOException, InterruptedException {
    Path distDir = Path.of(System.getProperty("ossp.dist.dir", "target/ossp-runtime"));
    Path target = distDir.toAbsolutePath().getParent();
    Path tarball;
    try (Stream<Path> files = Files.list(target)) {
      tarball =
          files
              .filter(file -> file.getFileName().toString().matches("ossp-runtime-.+\\.tar\\.gz"))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "no ossp-runtime-*.tar.gz in " + target + "; run ./mvnw package"));
    }
    Path parent = Files.createTempDirectory("ossp-e2e");
    CommandResult result =
        ProcessRunner.run(
            List.of("tar", "-xzf", tarball.toString(), "-C", parent.toString()),
            parent,
            Map.of(),
            Duration.ofSeconds(60));
    assertThat(result.exitCode()).as("tar: %s", result.stderr()).isZero();
    Path home;
    try (Stream<Path> entries = Files.list(parent)) {
      home = entries.findFirst().orElseThrow();
    }
    return new Installation(parent, home);
  }

  /** The installation directory, such as {@code .../ossp-runtime-0.1.0-SNAPSHOT}. */
  Path home() {
    return home;
  }

  /** The launcher. */
  Path launcher() {
    return home.resolve("bin").resolve("ossp-runtime");
  }

  /** The environment of a launcher run: this JVM's Java as JAVA_HOME, the PATH, HOME and LANG. */
  Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>();
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    for (String name : List.of("PATH", "HOME", "LANG", "TMPDIR", "USER")) {
      String value = System.getenv(name);
      if (value != null) {
        environment.put(name, value);
      }
    }
    return environment;
  }

  /** Runs {@code bin/ossp-runtime args} in the installation directory and waits for it. */
  CommandResult run(String... args) throws IOException, InterruptedException {
    return run(environment(), args);
  }

  /** Runs the launcher with the given environment. */
  CommandResult run(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(launcher().toString());
    command.addAll(List.of(args));
    return ProcessRunner.run(command, home, environment, COMMAND_TIMEOUT);
  }

  /** Starts {@code bin/ossp-runtime args} with SIGINT at its default action, without waiting. */
  RunningProcess start(String... args) throws IOException {
    List<String> command = new ArrayList<>(ProcessRunner.withDefaultSigint());
    command.add(launcher().toString());
    command.addAll(List.of(args));
    return RunningProcess.start(command, home, environment());
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> paths = Files.walk(parent)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
