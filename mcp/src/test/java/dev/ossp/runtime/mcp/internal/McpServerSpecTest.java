package dev.ossp.runtime.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpTransportKind;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Building and validating server specs, including the command-line string form. */
class McpServerSpecTest {
  @Test
  void commandLineSplitsWithQuotes() {
    // when
    McpServerSpec spec =
        McpServerSpec.builder("s")
            .commandLine("node 'my dir/server.js' \"a \\\"b\\\"\" c\\ d --flag=1")
            .build();

    // then
    assertThat(spec.command()).contains("node");
    assertThat(spec.args()).containsExactly("my dir/server.js", "a \"b\"", "c d", "--flag=1");
  }

  @Test
  void commandLineRejectsShellSyntax() {
    // then
    assertThatThrownBy(() -> McpServerSpec.builder("s").commandLine("server | tee log"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'|' at index 7");
    assertThatThrownBy(() -> McpServerSpec.builder("s").commandLine("server $HOME"))
        .hasMessageContaining("'$'");
    assertThatThrownBy(() -> McpServerSpec.builder("s").commandLine("server 'open"))
        .hasMessageContaining("not closed");
    assertThatThrownBy(() -> McpServerSpec.builder("s").commandLine("   "))
        .hasMessageContaining("no command");
  }

  @Test
  void quotedShellCharactersPassLiterally() {
    // when
    McpServerSpec spec = McpServerSpec.builder("s").commandLine("grep 'a|b' \"*.txt\"").build();

    // then
    assertThat(spec.args()).containsExactly("a|b", "*.txt");
  }

  @Test
  void invalidValuesAreNamed() {
    // then
    assertThatThrownBy(() -> McpServerSpec.builder("bad id")).hasMessageContaining("'bad id'");
    assertThatThrownBy(() -> McpServerSpec.builder("s").requestTimeout(Duration.ZERO))
        .hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> McpServerSpec.builder("s").maxMessageSize(10))
        .hasMessageContaining("maxMessageSize");
    assertThatThrownBy(() -> McpServerSpec.builder("s").env("1X", "v"))
        .hasMessageContaining("'1X'");
    assertThatThrownBy(() -> McpServerSpec.builder("s").url(URI.create("ftp://host/x")))
        .hasMessageContaining("http");
    assertThatThrownBy(() -> McpServerSpec.builder("s").build())
        .hasMessageContaining("needs a command");
    assertThatThrownBy(
            () -> McpServerSpec.builder("s").transport(McpTransportKind.STREAMABLE_HTTP).build())
        .hasMessageContaining("needs a URL");
  }

  @Test
  void defaultsAreDocumented() {
    // when
    McpServerSpec spec = McpServerSpec.stdio("s", "node").build();

    // then
    assertThat(spec.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(spec.closeGracePeriod()).isEqualTo(Duration.ofSeconds(2));
    assertThat(spec.maxMessageSize()).isEqualTo(64L * 1024 * 1024);
    assertThat(spec.inheritEnvironment()).isFalse();
    assertThat(spec.toBuilder().build()).isEqualTo(spec);
  }
}
