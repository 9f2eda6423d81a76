package dev.ossp.runtime.a2a.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.a2a.A2aProtocol;
import dev.ossp.runtime.a2a.AgentHttpClient;
import dev.ossp.runtime.a2a.CallOptions;
import dev.ossp.runtime.a2a.TestServer;
import dev.ossp.runtime.a2a.internal.A2aServices;
import dev.ossp.runtime.a2a.internal.http.ClientSettings;
import dev.ossp.runtime.a2a.internal.http.TargetOverride;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.urn.AgentUrn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The a2a.* keys read through a real runtime's configuration. */
@Timeout(60)
class A2aConfigTest {
  @TempDir Path directory;

  private OsspRuntime.Builder runtime() {
    return OsspRuntime.builder()
        .environment(Map.of())
        .systemProperties(new Properties())
        .set("node.enabled", false)
        .set("runtime.data-dir", directory.resolve("data").toString())
        .set("runtime.shutdown-hook", false);
  }

  @Test
  void targetOverridesAndAuthApplyToUrnCalls() throws Exception {
    // given
    Map<String, String> seen = new ConcurrentHashMap<>();
    try (TestServer server =
            TestServer.start(
                exchange -> {
                  seen.put("auth", String.valueOf(exchange.header("Authorization")));
                  exchange.respond(200, "{}");
                });
        OsspRuntime started =
            runtime()
                .set("a2a.connect-timeout", "2s")
                .set("a2a.targets.billing.urn", "urn:agent:test:billing")
                .set("a2a.targets.billing.deadline", "3s")
                .set("a2a.targets.billing.protocol", "0.3")
                .set("a2a.targets.billing.auth-provider", "bearer")
                .set("a2a.targets.billing.auth.token", "s3cr3t-token")
                .set("a2a.outbound.allowed-ranges", "169.254.7.0/24")
                .build()) {
      started.start();
      ClientSettings settings = started.instance(A2aServices.class).settings();
      AgentUrn urn = AgentUrn.parse("urn:agent:test:billing@2.0.0");
      started
          .instance(AgentRegistry.class)
          .register(
              AgentRegistration.of(
                  urn,
                  "{\"name\":\"billing\",\"version\":\"2.0.0\",\"supportedInterfaces\":[{\"url\":\""
                      + server.uri("")
                      + "\",\"protocolBinding\":\"HTTP+JSON\",\"protocolVersion\":\"1.0\"}]}"));

      // when
      started.instance(AgentHttpClient.class).request(urn, "/v1/invoices", CallOptions.get());

      // then
      assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
      assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
      TargetOverride billing = settings.targets().get(0);
      assertThat(billing.alias()).isEqualTo("billing");
      assertThat(billing.deadline()).isEqualTo(Duration.ofSeconds(3));
      assertThat(billing.protocol()).isEqualTo(A2aProtocol.V0_3);
      assertThat(billing.toString()).doesNotContain("s3cr3t-token");
      assertThat(started.config().describe().toString()).doesNotContain("s3cr3t-token");
      assertThat(seen).containsEntry("auth", "Bearer s3cr3t-token");
    }
  }

  @Test
  void invalidRangeAndIncompleteTargetStopStartup() {
    // when
    ConfigException badRange =
        catchThrowableOfType(
            ConfigException.class,
            () -> runtime().set("a2a.outbound.allowed-ranges", "metadata.example/8").build());
    ConfigException badTimeout =
        catchThrowableOfType(
            ConfigException.class, () -> runtime().set("a2a.deadline", "0ms").build());

    // then
    assertThat(badRange.getMessage())
        .contains("a2a.outbound.allowed-ranges")
        .contains("host names");
    assertThat(badTimeout.getMessage()).contains("a2a.deadline");
  }
}
