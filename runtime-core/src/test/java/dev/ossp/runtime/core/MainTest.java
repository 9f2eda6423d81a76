package dev.ossp.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link Main} in a child JVM, as the project's main job does. */
class MainTest {
  private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path directory;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    for (Process process : processes) {
      process.destroyForcibly();
    }
  }

  /**
   * A child JVM whose standard output and error go to files. Reading files instead of pipes keeps
   * the last lines, which a pipe can lose when it closes at exit.
   */
  private final class Child {
    final Process process;
    private final Path outFile;
    private final Path errFile;

    Child(List<String> jvmOptions, String... args) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.addAll(jvmOptions);
      command.add(Main.class.getName());
      command.addAll(List.of(args));
      outFile = Files.createTempFile(directory, "stdout", ".txt");
      errFile = Files.createTempFile(directory, "stderr", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectOutput(outFile.toFile())
              .redirectError(errFile.toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("OSSP_"));
      process = builder.start();
      processes.add(process);
    }

    int awaitExit() throws InterruptedException {
      assertThat(process.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
          .as("child JVM exited within %s", PROCESS_TIMEOUT)
          .isTrue();
      return process.exitValue();
    }

    List<String> out() throws IOException {
      return Files.readAllLines(outFile, StandardCharsets.UTF_8);
    }

    List<String> err() throws IOException {
      return Files.readAllLines(errFile, StandardCharsets.UTF_8);
    }

    Optional<String> lineStartingWith(String prefix) throws IOException {
      return out().stream().filter(line -> line.startsWith(prefix)).findFirst();
    }
  }

  @Test
  void checkPrintsUrlAndHealthAndExitsZero() throws Exception {
    // given
    Child child = new Child(List.of(), "--port", "0", "--check");

    // when
    int status = child.awaitExit();

    // then
    assertThat(status).as("exit status; stderr: %s", child.err()).isZero();
    assertThat(child.lineStartingWith("http://127.0.0.1:")).isPresent();
    JsonNode health = new ObjectMapper().readTree(child.lineStartingWith("{").orElseThrow());
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(Files.exists(directory.resolve("var").resolve("api-key"))).isTrue();
  }

  @Test
  void invalidConfigurationExitsTwo() throws Exception {
    // given
    Files.writeString(directory.resolve("runtime.yaml"), "node:\n  prot: 1\n");
    Child child = new Child(List.of(), "--config", "runtime.yaml", "--check");

    // when
    int status = child.awaitExit();

    // then
    assertThat(status).isEqualTo(Main.EXIT_INVALID_CONFIG);
    assertThat(String.join("\n", child.err())).contains("did you mean 'node.port'?");
  }

  @Test
  void invalidPortArgumentExitsTwo() throws Exception {
    // given
    Child child = new Child(List.of(), "--port", "99999");

    // when
    int status = child.awaitExit();

    // then
    assertThat(status).isEqualTo(Main.EXIT_INVALID_CONFIG);
    assertThat(child.err())
        .contains("invalid value '99999' for --port: expected a whole number in 0..65535");
  }

  @Test
  void sigtermStopsRuntimeThroughShutdownHook() throws Exception {
    // given
    Child child = new Child(List.of(), "--port", "0");
    await()
        .atMost(PROCESS_TIMEOUT)
        .until(() -> child.lineStartingWith("{").isPresent() || !child.process.isAlive());
    assertThat(child.process.isAlive()).as("node running; stderr: %s", child.err()).isTrue();

    // when
    child.process.destroy();
    child.awaitExit();

    // then
    assertThat(child.out())
        .as("stdout; stderr: %s", child.err())
        .anyMatch(line -> line.endsWith("runtime stopped"));
    assertThat(child.out()).anyMatch(line -> line.endsWith("JVM shutdown: stopping the runtime"));
  }

  @Test
  void disabledShutdownHookLeavesRuntimeRunningAtExit() throws Exception {
    // given
    Child child = new Child(List.of("-Dossp.runtime.shutdown-hook=false"), "--port", "0");
    await()
        .atMost(PROCESS_TIMEOUT)
        .until(() -> child.lineStartingWith("{").isPresent() || !child.process.isAlive());
    assertThat(child.process.isAlive()).as("node running; stderr: %s", child.err()).isTrue();

    // when
    child.process.destroy();
    child.awaitExit();

    // then
    assertThat(child.out()).noneMatch(line -> line.endsWith("runtime stopped"));
    assertThat(child.out()).anyMatch(line -> line.contains("runtime started in"));
  }
}
