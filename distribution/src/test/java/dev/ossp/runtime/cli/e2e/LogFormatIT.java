package dev.ossp.runtime.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code log.format} from the configuration switches the node's log lines to JSON. */
class LogFormatIT {
  @Test
  void setLogFormatJsonLogsJsonLines() throws Exception {
    try (Installation installation = Installation.unpack();
        Node node = Node.serve(installation, "--set", "log.format=json")) {
      // when
      node.process().signal("TERM");
      CommandResult result = node.process().awaitExit(Duration.ofSeconds(60));

      // then
      assertThat(result.exitCode()).as(result.describe()).isZero();
      List<String> lines = result.stderr().lines().filter(line -> !line.isBlank()).toList();
      assertThat(lines).as(result.describe()).isNotEmpty();
      for (String line : lines) {
        assertThat(line).as(result.describe()).startsWith("{");
        JsonNode event = Node.JSON.readTree(line);
        assertThat(event.path("level").asText()).as(line).isNotEmpty();
        assertThat(event.path("message").asText()).as(line).isNotEmpty();
      }
      assertThat(result.stderr()).contains("runtime stopped");
    }
  }
}
