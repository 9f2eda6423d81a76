package dev.ossp.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.component.HealthStatus;
import dev.ossp.runtime.component.RuntimeInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeInfoTest {
  @TempDir Path directory;

  @Test
  void reportsComponentsAndLiveHealth() {
    // given
    List<String> events = RecordingComponent.events();
    AtomicReference<ComponentHealth> health =
        new AtomicReference<>(ComponentHealth.up().withDetail("agents", 3));
    try (OsspRuntime runtime =
        TestRuntimes.withoutNode(directory)
            .addComponent(new RecordingComponent("first", events))
            .addComponent(
                new RecordingComponent("second", events).requires("first").health(health::get))
            .build()) {
      runtime.start();

      // when
      RuntimeInfo info = runtime.instance(RuntimeInfo.class);

      // then
      assertThat(info.components()).containsExactly("first", "second");
      assertThat(info.status()).isEqualTo(HealthStatus.UP);
      assertThat(info.statusMessage()).isEmpty();
      assertThat(info.componentHealth()).containsOnlyKeys("first", "second");
      assertThat(info.componentHealth().get("second").details()).containsEntry("agents", 3);

      // when
      health.set(ComponentHealth.down("store unreachable"));

      // then
      assertThat(info.status()).isEqualTo(HealthStatus.DOWN);
      assertThat(info.componentHealth().get("second").message()).isEqualTo("store unreachable");
    }
  }
}
