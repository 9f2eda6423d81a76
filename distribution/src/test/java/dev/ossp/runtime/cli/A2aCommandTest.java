package dev.ossp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.a2a.A2aTarget;
import dev.ossp.runtime.a2a.DataPart;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.TextPart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Argument checks of the a2a commands, which fail before any runtime starts. */
class A2aCommandTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CliContext context =
      new CliContext(
          new Output(
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              false,
              false),
          new Home(null, Map.of()));

  @Test
  void messageHasTextThenDataPart() {
    // when
    Message message =
        A2aCommand.Send.message("discover-agents", "{\"domain\":\"ossp\",\"limit\":3}");

    // then
    assertThat(message.parts()).hasSize(2);
    assertThat(message.parts().get(0)).isEqualTo(TextPart.of("discover-agents"));
    assertThat(((DataPart) message.parts().get(1)).data())
        .containsEntry("domain", "ossp")
        .containsEntry("limit", 3);
  }

  @Test
  void dataThatIsNotAnObjectExitsTwo() {
    // when
    int status = OsspCli.run(context, "a2a", "send", "urn:agent:demo:echo", "hi", "--data", "[1]");

    // then
    assertThat(status).isEqualTo(OsspCli.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("invalid --data '[1]'")
        .contains("expected a JSON object");
  }

  @Test
  void dataThatIsNotJsonExitsTwo() {
    // when
    int status =
        OsspCli.run(context, "a2a", "send", "urn:agent:demo:echo", "hi", "--data", "{domain}");

    // then
    assertThat(status).isEqualTo(OsspCli.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("invalid --data '{domain}'")
        .contains("not valid JSON");
  }

  @Test
  void targetKindFollowsTheText() {
    // when
    A2aTarget urn = A2aOptions.parseTarget("urn:agent:demo:echo@1.0.0");
    A2aTarget card = A2aOptions.parseTarget("http://127.0.0.1:9999/cards/echo.json");
    A2aTarget base = A2aOptions.parseTarget("https://agents.example/echo");

    // then
    assertThat(urn.kind()).isEqualTo(A2aTarget.Kind.URN);
    assertThat(card.kind()).isEqualTo(A2aTarget.Kind.CARD_URL);
    assertThat(base.kind()).isEqualTo(A2aTarget.Kind.BASE_URL);
  }

  @Test
  void targetWithUserInfoIsUsageError() {
    assertThatThrownBy(() -> A2aOptions.parseTarget("http://user:secret@127.0.0.1:9999/"))
        .isInstanceOfSatisfying(
            CliException.class, error -> assertThat(error.exitCode()).isEqualTo(OsspCli.EXIT_USAGE))
        .hasMessageContaining("user info")
        .hasMessageNotContaining("secret");
  }

  @Test
  void invalidNodeUrlExitsTwo() {
    // when
    int status =
        OsspCli.run(context, "a2a", "card", "urn:agent:demo:echo", "--node", "127.0.0.1:7070");

    // then
    assertThat(status).isEqualTo(OsspCli.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("invalid --node '127.0.0.1:7070'");
  }
}
