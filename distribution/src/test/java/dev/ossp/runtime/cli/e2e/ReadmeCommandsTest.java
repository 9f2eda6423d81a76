package dev.ossp.runtime.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's first two commands, which CI and the README test run verbatim. */
class ReadmeCommandsTest {
  @Test
  void firstTwoCommandsAreQuickstartAndVerify() throws Exception {
    // given
    String readme = Files.readString(Path.of("..", "README.md"));

    // when
    var commands = ReadmeCommands.all(readme);

    // then
    assertThat(commands.get(0))
        .isEqualTo(
            "./mvnw -q -B package -DskipTests && distribution/target/ossp-runtime/bin/ossp-runtime quickstart");
    assertThat(commands.get(1)).isEqualTo("./mvnw -B -ntp verify");
  }
}
