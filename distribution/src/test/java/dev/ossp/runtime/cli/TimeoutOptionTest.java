package dev.ossp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The --timeout options reject zero and negative durations before any request is sent. */
class TimeoutOptionTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CliContext context =
      new CliContext(
          new Output(
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              false,
              false),
          new Home(null, Map.of()));

  @ParameterizedTest
  @CsvSource({
    "discover --node http://127.0.0.1:1, 0s",
    "discover --node http://127.0.0.1:1, PT-1S",
    "agents get urn:agent:demo:echo --node http://127.0.0.1:1, 0ms",
    "mcp tools probe, 0s",
    "mcp call probe echo, PT0S",
  })
  void nonPositiveTimeoutExitsTwo(String command, String timeout) {
    // given: nothing listens on the node's port, so only a rejected option ends the command quickly
    String[] words = command.split(" ");
    String[] args = new String[words.length + 2];
    System.arraycopy(words, 0, args, 0, words.length);
    args[words.length] = "--timeout";
    args[words.length + 1] = timeout;

    // when
    int status = OsspCli.run(context, args);

    // then
    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(status).isEqualTo(OsspCli.EXIT_USAGE);
    assertThat(errors).contains("--timeout");
    assertThat(errors).contains("'" + timeout + "'");
    assertThat(errors).contains("must be positive, for example 5s");
    assertThat(errors).doesNotContain("Exception");
  }
}
