package dev.ossp.runtime.mcp.internal.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpSpawnException;
import dev.ossp.runtime.mcp.internal.TestServers;
import dev.ossp.runtime.mcp.internal.client.ClientResources;
import dev.ossp.runtime.mcp.internal.client.DefaultMcpConnector;
import dev.ossp.runtime.mcp.internal.jsonrpc.Json;
import dev.ossp.runtime.metrics.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment, working directory and command resolution of stdio servers. */
class ProcessEnvironmentTest {
  @TempDir Path directory;

  @Test
  void baseEnvironmentKeepsOnlyListedVariables() {
    // given
    Map<String, String> jvm = Map.of("PATH", "/bin", "HOME", "/home/u", "AWS_SECRET", "s3cr3t");
    McpServerSpec spec = McpServerSpec.stdio("env", "node").env("OWN", "value").build();

    // when
    Map<String, String> environment = ProcessEnvironment.environmentFor(spec, jvm);

    // then
    assertThat(environment)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("PATH", "/bin", "HOME", "/home/u", "OWN", "value"));
  }

  @Test
  void inheritedEnvironmentKeepsEverything() {
    // given
    Map<String, String> jvm = Map.of("PATH", "/bin", "OTHER", "x");
    McpServerSpec spec =
        McpServerSpec.stdio("env", "node").inheritEnvironment(true).env("PATH", "/opt").build();

    // when
    Map<String, String> environment = ProcessEnvironment.environmentFor(spec, jvm);

    // then
    assertThat(environment).containsEntry("OTHER", "x").containsEntry("PATH", "/opt");
  }

  @Test
  void commandResolvesThroughTheServersPath() throws Exception {
    // given
    Path first = Files.createDirectories(directory.resolve("first"));
    Path second = Files.createDirectories(directory.resolve("second"));
    Path notExecutable = Files.writeString(first.resolve("tool"), "#!/bin/sh\n");
    Path executable = Files.writeString(second.resolve("tool"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    McpServerSpec spec = McpServerSpec.stdio("path", "tool").build();
    Map<String, String> environment = Map.of("PATH", first + ":" + second);

    // when
    Path resolved = ProcessEnvironment.resolveCommand(spec, environment, directory);

    // then
    assertThat(notExecutable).exists();
    assertThat(resolved).isEqualTo(executable);
  }

  @Test
  void relativeCommandResolvesAgainstWorkingDirectory() throws Exception {
    // given
    Path executable = Files.writeString(directory.resolve("server.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwx------"));
    McpServerSpec spec = McpServerSpec.stdio("relative", "./server.sh").build();

    // when
    Path resolved = ProcessEnvironment.resolveCommand(spec, Map.of(), directory);

    // then
    assertThat(resolved).isEqualTo(executable);
  }

  @Test
  void missingWorkingDirectoryIsNamed() {
    // given
    McpServerSpec spec =
        McpServerSpec.stdio("cwd", "node").workingDirectory(directory.resolve("absent")).build();

    // then
    assertThatThrownBy(() -> ProcessEnvironment.workingDirectoryFor(spec))
        .isInstanceOf(McpSpawnException.class)
        .hasMessageContaining("absent");
  }

  @Test
  void serverSeesOwnVariablesAndPathOnly() throws Exception {
    // given
    Map<String, String> jvm = new HashMap<>(System.getenv());
    jvm.put("UNRELATED_JVM_SECRET", "must-not-leak");
    McpServerSpec spec =
        TestServers.misbehaving("env-check", "normal")
            .env("SERVER_TOKEN", "abc")
            .workingDirectory(directory)
            .build();
    try (ClientResources resources =
        ClientResources.create(Clock.systemUTC(), Metrics.noop(), jvm)) {
      DefaultMcpConnector connector =
          new DefaultMcpConnector(
              resources,
              ignored -> {
                throw new UnsupportedOperationException("no HTTP in this test");
              });

      // when
      String text;
      try (McpClient client = connector.connect(spec).get(10, TimeUnit.SECONDS)) {
        text = client.callTool("env", "{}").get(10, TimeUnit.SECONDS).text();
      }

      // then
      var environment = Json.parse(text, "environment");
      assertThat(environment.path("SERVER_TOKEN").asText()).isEqualTo("abc");
      assertThat(environment.path("PATH").asText()).isEqualTo(System.getenv("PATH"));
      assertThat(environment.has("UNRELATED_JVM_SECRET")).isFalse();
    }
  }
}
