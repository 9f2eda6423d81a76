package dev.ossp.runtime.mcp.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.mcp.internal.TestServers;
import dev.ossp.runtime.mcp.internal.jsonrpc.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official {@code @modelcontextprotocol/conformance} client scenarios, run against {@link
 * ConformanceClient} over Streamable HTTP. The tool starts a scenario server on a random local
 * port, runs the client with its URL and checks what it saw on the wire.
 */
class ConformanceScenarioTest {
  @TempDir Path output;

  @ParameterizedTest
  @ValueSource(
      strings = {"initialize", "tools_call", "elicitation-sep1034-client-defaults", "sse-retry"})
  void scenarioPasses(String scenario) throws Exception {
    // given
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String clientCommand =
        java
            + " -cp "
            + System.getProperty("java.class.path")
            + " "
            + ConformanceClient.class.getName();
    Path script = TestServers.nodeDirectory().resolve("conformance.sh");
    ProcessBuilder builder =
        new ProcessBuilder(
                "sh",
                script.toString(),
                "client",
                "--command",
                clientCommand,
                "--scenario",
                scenario,
                "--timeout",
                "25000",
                "-o",
                output.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.resolve("conformance.log").toFile());
    builder
        .environment()
        .put("PATH", TestServers.node().replaceAll("/node$", "") + ":" + System.getenv("PATH"));

    // when
    Process process = builder.start();
    boolean finished = process.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }

    // then
    String log = Files.readString(output.resolve("conformance.log"));
    assertThat(finished).as("conformance run finished; output:\n%s", log).isTrue();
    List<JsonNode> checks = checks(output);
    assertThat(checks).as("checks; output:\n%s", log).isNotEmpty();
    List<String> failures = new ArrayList<>();
    for (JsonNode check : checks) {
      String status = check.path("status").asText();
      if (status.equals("FAILURE") || status.equals("ERROR")) {
        failures.add(check.path("id").asText() + ": " + check.path("errorMessage").asText());
      }
    }
    assertThat(failures).as("failed checks; output:\n%s", log).isEmpty();
    assertThat(process.exitValue()).as("exit code; output:\n%s", log).isZero();
  }

  private static List<JsonNode> checks(Path output) throws IOException {
    List<JsonNode> checks = new ArrayList<>();
    try (Stream<Path> files = Files.walk(output)) {
      for (Path file : files.filter(path -> path.endsWith("checks.json")).toList()) {
        JsonNode parsed = Json.parse(Files.readString(file), file.toString());
        parsed.forEach(checks::add);
      }
    }
    return checks;
  }
}
