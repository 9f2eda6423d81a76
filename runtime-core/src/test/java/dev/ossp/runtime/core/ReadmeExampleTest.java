package dev.ossp.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the first example of the module README, so the README shows code that works. */
class ReadmeExampleTest {
  @TempDir Path directory;

  /** Runs the README's snippet, with the config file passed in. */
  private static void readmeExample(Path configFile) {
    try (OsspRuntime runtime = OsspRuntime.builder().configFile(configFile).build()) {
      runtime.start();
      System.out.println(runtime.node().baseUri() + " is " + runtime.health().status());
    }
  }

  @Test
  void readmeExamplePrintsUrlAndStatus() throws IOException {
    // given
    Path configFile = directory.resolve("runtime.yaml");
    Files.writeString(
        configFile,
        "runtime:\n  data-dir: "
            + directory.resolve("data")
            + "\n  plugins-dir: "
            + directory.resolve("plugins")
            + "\n  shutdown-hook: false\nnode:\n  port: 0\n");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;

    // when
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      readmeExample(configFile);
    } finally {
      System.setOut(original);
    }

    // then
    // The log also goes to standard output, so the printed line is one among others.
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .containsPattern("(?m)^http://127\\.0\\.0\\.1:\\d+ is UP$");
  }
}
