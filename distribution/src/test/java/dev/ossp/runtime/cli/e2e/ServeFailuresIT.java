package dev.ossp.runtime.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Start failures of the unpacked distribution: invalid configuration, a port in use, a broken
 * plugin jar and a missing Java, each with its exit status and a message that names the problem.
 */
class ServeFailuresIT {
  private static Installation installation;

  @BeforeAll
  static void unpack() throws Exception {
    installation = Installation.unpack();
  }

  @AfterAll
  static void delete() throws Exception {
    installation.close();
  }

  @AfterEach
  void removePluginJars() throws IOException {
    try (var jars = Files.list(installation.home().resolve("plugins"))) {
      for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
        Files.delete(jar);
      }
    }
  }

  @Test
  void unknownKeyExitsTwoWithSuggestion() throws Exception {
    // given
    Path config = installation.home().resolve("conf/typo.yaml");
    Files.writeString(config, "node:\n  prot: 8080\n");

    // when
    CommandResult result = installation.run("serve", "--config", config.toString());

    // then
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
    assertThat(result.stderr()).contains("node.prot").contains("node.port");
  }

  @Test
  void invalidValueExitsTwoNamingValue() throws Exception {
    // given
    Path config = installation.home().resolve("conf/bad-value.yaml");
    Files.writeString(config, "node:\n  shutdown-timeout: 10\n");

    // when
    CommandResult result = installation.run("serve", "--config", config.toString());

    // then
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
    assertThat(result.stderr()).contains("'10'").contains("node.shutdown-timeout").contains("10s");
  }

  @Test
  void invalidSetExitsTwo() throws Exception {
    // when
    CommandResult result = installation.run("serve", "--set", "node.port=70000");

    // then
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
    assertThat(result.stderr()).contains("70000").contains("0..65535");
  }

  @Test
  void portInUseExitsTwoNamingPort() throws Exception {
    // given
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      // when
      CommandResult result = installation.run("serve", "--port", Integer.toString(port));

      // then
      assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
      assertThat(result.stderr()).contains(Integer.toString(port));
    }
  }

  @Test
  void brokenPluginJarExitsTwoNamingJar() throws Exception {
    // given
    Files.writeString(
        installation.home().resolve("plugins/broken-strategy.jar"), "this is not a zip file");

    // when
    CommandResult result = installation.run("serve", "--port", "0");

    // then
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
    assertThat(result.stderr()).contains("broken-strategy.jar");
  }

  @Test
  void missingJavaOnPathIsExplained() throws Exception {
    // given: a PATH with the tools the launcher uses, but no java, and no JAVA_HOME
    Path bin = Files.createDirectories(installation.home().resolve("no-java-bin"));
    for (String tool : List.of("sh", "sed", "head", "cut", "dirname", "ls")) {
      Path target = Path.of("/bin", tool);
      if (!Files.exists(target)) {
        target = Path.of("/usr/bin", tool);
      }
      Files.createSymbolicLink(bin.resolve(tool), target);
    }
    Map<String, String> environment = Map.of("PATH", bin.toString());

    // when
    CommandResult result = installation.run(environment, "--version");

    // then
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
    assertThat(result.stderr()).contains("no Java found").contains("JAVA_HOME").contains("17");
  }

  @Test
  void javaHomeWithoutJavaIsExplained() throws Exception {
    // given
    Path empty = Files.createDirectories(installation.home().resolve("not-a-jdk"));
    Map<String, String> environment =
        Map.of("PATH", System.getenv("PATH"), "JAVA_HOME", empty.toString());

    // when
    CommandResult result = installation.run(environment, "--version");

    // then
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
    assertThat(result.stderr()).contains(empty.toString()).contains("17 or newer");
  }

  @Test
  void unknownCommandExitsTwo() throws Exception {
    // when
    CommandResult result = installation.run("srve");

    // then
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("srve").contains("serve");
  }

  @Test
  void a2aSendToUnregisteredUrnFails() throws Exception {
    // when
    CommandResult result =
        installation.run("a2a", "send", "urn:agent:nowhere:nobody", "hello", "--local");

    // then
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
    assertThat(result.stderr()).contains("no registered agent matches urn:agent:nowhere:nobody");
  }

  @Test
  void a2aInvalidTargetExitsTwo() throws Exception {
    // when
    CommandResult result = installation.run("a2a", "card", "ftp://127.0.0.1/card");

    // then
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
    assertThat(result.stderr()).contains("ftp://127.0.0.1/card").contains("URN");
  }
}
