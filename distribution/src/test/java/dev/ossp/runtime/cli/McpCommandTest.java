package dev.ossp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.core.CoreConfigKeys;
import dev.ossp.runtime.core.OsspRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mcp commands run while another runtime has locked the registry store of the data directory.
 */
class McpCommandTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CliContext context =
      new CliContext(
          new Output(
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              false,
              false),
          new Home(null, Map.of()));

  @TempDir Path dataDir;

  @Test
  void toolsSkipsLockedRegistryStore() {
    // given: a runtime that has opened and locked the file store under the data directory
    try (OsspRuntime holder =
        LocalRuntime.start(
            OsspRuntime.builder()
                .set(CoreConfigKeys.RUNTIME_DATA_DIR.name(), dataDir.toString())
                .set(CoreConfigKeys.NODE_ENABLED.name(), false))) {
      assertThat(dataDir.resolve("registry")).isDirectory();

      // when: the "server" is a JVM that prints its version and exits, so the start fails
      int status =
          OsspCli.run(
              context,
              "mcp",
              "tools",
              "probe",
              "--command",
              javaCommand() + " -version",
              "--timeout",
              "20s",
              "--set",
              "runtime.data-dir=" + dataDir);

      // then: the command got as far as the MCP server, past the locked store
      String errors = err.toString(StandardCharsets.UTF_8);
      assertThat(errors).doesNotContain("registry store");
      assertThat(errors).contains("starting MCP server 'probe'");
      assertThat(status).isEqualTo(OsspCli.EXIT_FAILURE);
    }
  }

  private static String javaCommand() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    assertThat(Files.isExecutable(java)).isTrue();
    return java.toString();
  }
}
