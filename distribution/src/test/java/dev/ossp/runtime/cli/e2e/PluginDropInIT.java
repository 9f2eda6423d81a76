package dev.ossp.runtime.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Builds the example plugin shipped in {@code examples/custom-strategy-plugin} with the project's
 * Maven wrapper, drops the jar into {@code plugins/}, selects both of its strategies in {@code
 * conf/runtime.yaml}, and proves the node's components use them.
 */
class PluginDropInIT {
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);

  @Test
  void exampleStrategiesAreSelectedAndUsed() throws Exception {
    try (Installation installation = Installation.unpack()) {
      // given
      Path jar = buildExamplePlugin(installation);
      Files.copy(
          jar,
          installation.home().resolve("plugins").resolve(jar.getFileName()),
          StandardCopyOption.REPLACE_EXISTING);
      Path config = installation.home().resolve("conf/runtime.yaml");
      String yaml = Files.readString(config);
      assertThat(yaml).contains("  backoff: decorrelated-jitter\n", "  cache: caffeine\n");
      Files.writeString(
          config,
          yaml.replace("  backoff: decorrelated-jitter\n", "  backoff: stepped\n")
              .replace("  cache: caffeine\n", "  cache: lru\n"));

      // when
      try (Node node = Node.serve(installation)) {
        JsonNode strategies = node.getJson("/health").path("strategies");
        CommandResult register =
            installation.run(
                "register",
                "examples/agent-cards/language",
                "--domain",
                "language",
                "--node",
                node.url());
        node.getJson("/v1/agents?domain=language");
        node.getJson("/v1/agents?domain=language");
        JsonNode cache = node.getJson("/v1/stats").path("cache");
        CommandResult diagnose = installation.run("diagnose", "--node", node.url());
        CommandResult stopped = node.stop();

        // then
        assertThat(node.details().path("plugins").toString())
            .contains("custom-strategy-plugin-1.0.0.jar");
        assertThat(strategies.path("backoff").asText()).isEqualTo("stepped");
        assertThat(strategies.path("cache").asText()).isEqualTo("lru");
        assertThat(register.exitCode()).as(register.describe()).isZero();
        assertThat(cache.path("hits").asLong())
            .as("hits counted by the lru cache")
            .isGreaterThanOrEqualTo(1);
        assertThat(diagnose.stdout()).contains("stepped").contains("lru");
        assertThat(stopped.stderr())
            .contains("custom-strategy-plugin-1.0.0.jar")
            .contains("cache lru")
            .contains("default backoff 'stepped'");
        assertThat(stopped.exitCode()).isZero();
      }
    }
  }

  /**
   * Builds the plugin from the tarball's copy of its source. The runtime API is put into a
   * temporary local repository in Maven's layout, in front of the build's own local repository, so
   * the build needs no installed project artifacts.
   */
  private static Path buildExamplePlugin(Installation installation) throws Exception {
    Path project = installation.home().resolve("examples/custom-strategy-plugin");
    Path repository = Files.createTempDirectory(installation.home(), "plugin-repo");
    Path apiJar;
    try (Stream<Path> jars = Files.list(installation.home().resolve("lib"))) {
      apiJar =
          jars.filter(path -> path.getFileName().toString().startsWith("ossp-runtime-api-"))
              .findFirst()
              .orElseThrow();
    }
    String fileName = apiJar.getFileName().toString();
    String version =
        fileName.substring("ossp-runtime-api-".length(), fileName.length() - ".jar".length());
    Path artifactDirectory =
        repository.resolve("dev/ossp/runtime/ossp-runtime-api").resolve(version);
    Files.createDirectories(artifactDirectory);
    Files.copy(apiJar, artifactDirectory.resolve(fileName));
    Files.writeString(
        artifactDirectory.resolve("ossp-runtime-api-" + version + ".pom"),
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
            + "<groupId>dev.ossp.runtime</groupId><artifactId>ossp-runtime-api</artifactId>"
            + "<version>"
            + version
            + "</version></project>\n");

    Path repo = Path.of(System.getProperty("ossp.repo.dir", "..")).toAbsolutePath().normalize();
    List<String> command = new ArrayList<>();
    command.add(repo.resolve("mvnw").toString());
    command.addAll(
        List.of(
            "-q",
            "-B",
            "-ntp",
            "-f",
            project.resolve("pom.xml").toString(),
            "-Dossp.version=" + version,
            "-Dmaven.repo.local=" + repository,
            "package"));
    String userRepository = System.getProperty("ossp.local.repository");
    if (userRepository != null && !userRepository.isBlank()) {
      command.add("-Dmaven.repo.local.tail=" + userRepository);
    }
    Map<String, String> environment = installation.environment();
    CommandResult build = ProcessRunner.run(command, repo, environment, BUILD_TIMEOUT);
    assertThat(build.exitCode()).as(build.describe()).isZero();
    Path jar = project.resolve("target/custom-strategy-plugin-1.0.0.jar");
    assertThat(jar).isRegularFile();
    return jar;
  }
}
