package dev.ossp.runtime.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's first command verbatim in a clean clone of the repository. It builds the whole
 * project, which takes several minutes on two cores, so it runs only with {@code
 * -Dossp.it.readme=true}.
 */
class ReadmeCommandIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  @Test
  void firstReadmeCommandRunsInCleanClone() throws Exception {
    assumeTrue(
        Boolean.getBoolean("ossp.it.readme"),
        "opt-in: run with -Dossp.it.readme=true (builds the project in a fresh clone)");
    // given
    Path repo = Path.of(System.getProperty("ossp.repo.dir", "..")).toAbsolutePath().normalize();
    String command = ReadmeCommands.first(Files.readString(repo.resolve("README.md")));
    Path clone = Files.createTempDirectory("ossp-readme").resolve("repo");
    CommandResult cloned =
        ProcessRunner.run(
            List.of("git", "clone", "-q", repo.toString(), clone.toString()),
            repo,
            Map.of("PATH", System.getenv("PATH"), "HOME", System.getProperty("user.home")),
            Duration.ofMinutes(2));
    assertThat(cloned.exitCode()).as(cloned.describe()).isZero();
    Map<String, String> environment = new java.util.HashMap<>(System.getenv());
    environment.put("JAVA_HOME", System.getProperty("java.home"));

    // when
    CommandResult result =
        ProcessRunner.run(List.of("sh", "-c", command), clone, environment, TIMEOUT);

    // then
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.stdout()).contains("[1/6]").contains("[6/6]").contains("Quickstart: ");
  }
}
