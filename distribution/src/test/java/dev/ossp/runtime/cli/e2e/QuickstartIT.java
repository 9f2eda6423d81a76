package dev.ossp.runtime.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code quickstart} of the unpacked tarball: all six steps visible and done, exit 0, no process
 * left.
 */
class QuickstartIT {
  @Test
  void quickstartShowsSixStepsAndLeavesNoProcess() throws Exception {
    try (Installation installation = Installation.unpack()) {
      // given
      List<String> args = new ArrayList<>(List.of("quickstart"));
      Path filesystemServer = installedFilesystemServer();
      if (filesystemServer != null) {
        // The copy the mcp module's tests installed, so the test needs no npm download.
        args.add("--mcp-command");
        args.add("node " + filesystemServer);
      }

      // when
      CommandResult result = installation.run(args.toArray(String[]::new));

      // then
      assertThat(result.exitCode()).as(result.describe()).isZero();
      for (int step = 1; step <= 6; step++) {
        assertThat(result.stdout()).as("step %d", step).contains("[" + step + "/6]");
      }
      assertThat(result.stdout())
          .contains("node running at http://127.0.0.1:")
          .contains("urn:agent:language:translator@2.1.0")
          .contains("a2a-v1.0")
          .contains("a2a-v0.3")
          .contains("GET /v1/agents?domain=language")
          .contains("child processes still running: none");
      assertThat(result.stdout())
          .as("step 2 registers the node's own card")
          .contains("is registered as urn:agent:ossp:ossp-runtime-node@");
      assertThat(step(result.stdout(), 4))
          .contains("agent        urn:agent:ossp:ossp-runtime-node@")
          .contains("reply        task ")
          .contains(" completed, ")
          .contains("urn:agent:language:summarizer@0.9.1")
          .contains("urn:agent:ossp:ossp-runtime-node@")
          .contains("done: 1 message sent through the A2A client");
      assertThat(step(result.stdout(), 6)).contains("a2a ");
      assertThat(result.stdout()).contains("Quickstart: 6 of 6 steps done\n");
      assertThat(result.stdout()).doesNotContain("skipped");
      assertThat(leftoverProcesses(installation.home())).isEmpty();
    }
  }

  @Test
  void quickstartJsonListsEveryStep() throws Exception {
    try (Installation installation = Installation.unpack()) {
      // when
      CommandResult result =
          installation.run(
              "quickstart", "--json", "--mcp-command", "definitely-not-a-command-ossp");

      // then: steps 1 to 4 are done, and the MCP step fails on the command that does not exist
      assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
      var steps = Node.JSON.readTree(result.stdout()).path("steps");
      assertThat(steps.size()).as(result.describe()).isEqualTo(5);
      for (int step = 0; step < 4; step++) {
        assertThat(steps.path(step).path("status").asText())
            .as("step %d", step + 1)
            .isEqualTo("ok");
      }
      assertThat(steps.path(3).path("summary").asText()).contains("found");
      assertThat(steps.path(4).path("status").asText()).isEqualTo("failed");
      assertThat(result.stderr()).contains("definitely-not-a-command-ossp");
    }
  }

  @Test
  void mcpToolsAndCallReachFilesystemServer() throws Exception {
    Path filesystemServer = installedFilesystemServer();
    assumeTrue(filesystemServer != null, "the mcp module's npm peers are not installed");
    try (Installation installation = Installation.unpack()) {
      // given
      Path examples = installation.home().resolve("examples").toRealPath();
      String command = "node " + filesystemServer + " " + examples;

      // when
      CommandResult tools = installation.run("mcp", "tools", "fs", "--command", command);
      CommandResult call =
          installation.run(
              "mcp",
              "call",
              "fs",
              "read_text_file",
              "--command",
              command,
              "--arg",
              "path=" + examples.resolve("mcp-servers.yaml"),
              "--json");
      CommandResult denied =
          installation.run(
              "mcp",
              "call",
              "fs",
              "read_text_file",
              "--command",
              command,
              "--arg",
              "path=/etc/hostname");

      // then
      assertThat(tools.exitCode()).as(tools.describe()).isZero();
      assertThat(tools.stdout()).contains("read_text_file").contains("TOOL");
      assertThat(call.exitCode()).as(call.describe()).isZero();
      assertThat(Node.JSON.readTree(call.stdout()).path("content").path(0).path("text").asText())
          .contains("mcp:");
      assertThat(denied.exitCode()).as(denied.describe()).isEqualTo(1);
      assertThat(leftoverProcesses(installation.home())).isEmpty();
    }
  }

  /** Returns the output of step {@code number}: from its heading to the next one. */
  private static String step(String stdout, int number) {
    int start = stdout.indexOf("[" + number + "/6]");
    assertThat(start).as("heading of step %d in:%n%s", number, stdout).isNotNegative();
    int end = stdout.indexOf("[" + (number + 1) + "/6]", start);
    return end < 0 ? stdout.substring(start) : stdout.substring(start, end);
  }

  /** Returns the processes whose command line names the installation directory. */
  static List<ProcessHandle> leftoverProcesses(Path home) {
    String marker = home.toString();
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(
            process ->
                process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
        .toList();
  }

  private static Path installedFilesystemServer() {
    Path repo = Path.of(System.getProperty("ossp.repo.dir", "..")).toAbsolutePath().normalize();
    Path server =
        repo.resolve(
            "mcp/src/test/node/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js");
    return Files.isRegularFile(server) ? server : null;
  }
}
