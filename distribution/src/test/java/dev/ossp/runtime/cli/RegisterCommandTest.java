package dev.ossp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.core.CoreConfigKeys;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registering a directory of cards in the embedded registry under a temporary data directory. */
class RegisterCommandTest {
  private static final Path EXAMPLE_CARDS = Path.of("src/main/dist/examples/agent-cards");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CliContext context =
      new CliContext(
          new Output(
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              false,
              false),
          new Home(null, Map.of()));

  @TempDir Path dataDir;

  @TempDir Path cards;

  @Test
  void directoryWithInvalidCardsStoresNothing() throws IOException {
    // given: valid cards around two invalid ones, in subfolders
    Path good = write("a/summarizer.json", card("language/summarizer.json"));
    Path notJson = write("b/broken.json", "{\"name\": ");
    Path notCard = write("c/empty.json", "{}");
    write("d/forecaster.json", card("weather/forecaster.json"));

    // when
    int status = register(cards);

    // then
    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(status).isEqualTo(OsspCli.EXIT_USAGE);
    assertThat(errors).contains("2 of 4 card file(s) are invalid");
    assertThat(errors).contains(notJson + " is not valid JSON");
    assertThat(errors).contains(notCard + ": ");
    assertThat(errors).doesNotContain(good.toString());
    assertThat(storedAgents()).isEmpty();
  }

  @Test
  void directoryIncludesSubfolders() {
    // when: the example cards are one subfolder per domain
    int status = register(EXAMPLE_CARDS);

    // then
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(OsspCli.EXIT_OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Registered 3 agent(s)");
    assertThat(storedAgents())
        .extracting(record -> record.urn().toString())
        .containsExactlyInAnyOrder(
            "urn:agent:demo:summarizer@0.9.1",
            "urn:agent:demo:translator@2.1.0",
            "urn:agent:demo:weather-forecaster@1.4.2");
  }

  private int register(Path directory) {
    return OsspCli.run(
        context,
        "register",
        directory.toString(),
        "--domain",
        "demo",
        "--local",
        "--set",
        CoreConfigKeys.RUNTIME_DATA_DIR.name() + "=" + dataDir);
  }

  private List<AgentRecord> storedAgents() {
    try (OsspRuntime runtime =
        LocalRuntime.start(
            OsspRuntime.builder()
                .set(CoreConfigKeys.RUNTIME_DATA_DIR.name(), dataDir.toString())
                .set(CoreConfigKeys.NODE_ENABLED.name(), false))) {
      return runtime.find(AgentRegistry.class).orElseThrow().list();
    }
  }

  private Path write(String name, String text) throws IOException {
    Path file = cards.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static String card(String name) throws IOException {
    return Files.readString(EXAMPLE_CARDS.resolve(name));
  }
}
