package dev.ossp.runtime.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.component.HealthStatus;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.mcp.McpPool;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.McpToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mcp component inside a real runtime: configuration, binding, pool and stop. */
class McpComponentTest {
  @TempDir Path dataDirectory;

  private OsspRuntime.Builder runtime() {
    return OsspRuntime.builder()
        .discoverComponents(false)
        .environment(Map.of())
        .systemProperties(new Properties())
        .addComponent(new McpComponent())
        .set("node.enabled", false)
        .set("runtime.shutdown-hook", false)
        .set("runtime.data-dir", dataDirectory.toString());
  }

  @Test
  void configuredServerAnswersThroughTheBoundPool() throws Exception {
    // given
    OsspRuntime started =
        runtime()
            .set("mcp.servers.everything.command", TestServers.node())
            .set(
                "mcp.servers.everything.args",
                List.of(TestServers.packageScript("server-everything"), "stdio"))
            .set("mcp.servers.everything.request-timeout", "5s")
            .set("mcp.servers.everything.env", List.of("GREETING=hello"))
            .set("mcp.pool.max-processes", 3)
            .build();
    try (started) {
      started.start();
      McpPool pool = started.instance(McpPool.class);

      // when
      McpToolResult result =
          pool.callTool("everything", McpToolCall.of("echo", "{\"message\":\"wired\"}"))
              .get(10, TimeUnit.SECONDS);

      // then
      McpServerSpec spec = pool.spec("everything").orElseThrow();
      assertThat(result.text()).isEqualTo("Echo: wired");
      assertThat(spec.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
      assertThat(spec.env()).containsEntry("GREETING", "hello");
      assertThat(pool.stats().created()).isEqualTo(1);
      assertThat(started.health().status()).isEqualTo(HealthStatus.UP);
    }
  }

  @Test
  void commandLineAndCommandTogetherAreRejected() {
    // given
    OsspRuntime.Builder builder =
        runtime()
            .set("mcp.servers.bad.command", "node")
            .set("mcp.servers.bad.command-line", "node server.js");

    // then
    assertThatThrownBy(() -> builder.build().start())
        .hasStackTraceContaining("mcp.servers.bad")
        .hasStackTraceContaining("either command-line or command");
  }
}
