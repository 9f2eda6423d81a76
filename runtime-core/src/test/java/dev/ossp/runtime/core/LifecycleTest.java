package dev.ossp.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.component.HealthStatus;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.node.NodeInfo;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {
  @TempDir Path directory;

  private final List<String> events = RecordingComponent.events();

  private RecordingComponent component(String name) {
    return new RecordingComponent(name, events);
  }

  @Test
  void componentsStartInDependencyOrderAndStopInReverse() {
    // given
    OsspRuntime runtime =
        TestRuntimes.withoutNode(directory)
            .addComponent(component("c").requires("b"))
            .addComponent(component("d").after("not-installed"))
            .addComponent(component("b").after("a"))
            .addComponent(component("a"))
            .build();

    // when
    runtime.start();
    runtime.stop();

    // then
    assertThat(runtime.components()).containsExactly("a", "b", "c", "d");
    assertThat(events)
        .containsExactly(
            "start a", "start b", "start c", "start d", "stop d", "stop c", "stop b", "stop a");
  }

  @Test
  void missingRequiredComponentNamesBoth() {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory).addComponent(component("a2a").requires("resilience"));

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(e.violations())
        .containsExactly(
            new Violation(
                "components",
                "component 'a2a' requires component 'resilience', which is not installed; add its"
                    + " module or plugin"));
  }

  @Test
  void dependencyCycleIsNamed() {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory)
            .addComponent(component("a").requires("b"))
            .addComponent(component("b").after("c"))
            .addComponent(component("c").requires("a"))
            .addComponent(component("free"));

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(e.violations()).hasSize(1);
    assertThat(e.violations().get(0).message())
        .isEqualTo(
            "components depend on each other in a cycle: a -> b -> c -> a (each waits for the"
                + " next)");
  }

  @Test
  void duplicateComponentNameIsRejected() {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory)
            .addComponent(component("a"))
            .addComponent(component("a"));

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(e.violations().get(0).message())
        .isEqualTo(
            "two components are named 'a': dev.ossp.runtime.core.RecordingComponent (from builder)"
                + " and dev.ossp.runtime.core.RecordingComponent (from builder); remove one of"
                + " them or rename it");
  }

  @Test
  void failedStartStopsStartedComponentsAndNode() {
    // given
    AtomicReference<NodeInfo> node = new AtomicReference<>();
    OsspRuntime runtime =
        TestRuntimes.isolated(directory)
            .addComponent(
                component("a").onStart(context -> node.set(context.instance(NodeInfo.class))))
            .addComponent(component("b").requires("a"))
            .addComponent(
                component("c")
                    .requires("b")
                    .onStart(
                        context -> {
                          throw new IllegalStateException("disk full");
                        }))
            .build();

    // when
    OsspException e = catchThrowableOfType(OsspException.class, runtime::start);

    // then
    assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
    assertThat(e.getMessage())
        .isEqualTo(
            "component 'c' failed to start: java.lang.IllegalStateException: disk full; stopped"
                + " the components already started: b, a");
    assertThat(events).containsExactly("start a", "start b", "stop b", "stop a");
    assertThat(runtime.health().status()).isEqualTo(HealthStatus.DOWN);
    assertThat(runtime.health().message()).isEqualTo("failed to start");
    assertThatThrownBy(() -> new Socket(node.get().host(), node.get().port()).close())
        .isInstanceOf(ConnectException.class);
    assertThatThrownBy(runtime::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failed to start");
  }

  @Test
  void startAndStopAreIdempotent() {
    // given
    OsspRuntime runtime = TestRuntimes.withoutNode(directory).addComponent(component("a")).build();

    // when
    runtime.start();
    runtime.start();
    runtime.stop();
    runtime.stop();
    runtime.close();

    // then
    assertThat(events).containsExactly("start a", "stop a");
    assertThatThrownBy(runtime::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the runtime is stopped; build a new runtime to start again");
  }

  @Test
  void stopBeforeStartDoesNothing() {
    // given
    OsspRuntime runtime = TestRuntimes.withoutNode(directory).addComponent(component("a")).build();

    // when
    runtime.stop();
    runtime.start();

    // then
    assertThat(events).containsExactly("start a");
    runtime.close();
  }

  @Test
  void failingStopIsLoggedAndOthersStillStop() {
    // given
    OsspRuntime runtime =
        TestRuntimes.withoutNode(directory)
            .addComponent(component("a"))
            .addComponent(
                component("b")
                    .requires("a")
                    .onStop(
                        () -> {
                          throw new IllegalStateException("stuck");
                        }))
            .build();
    runtime.start();

    // when
    runtime.stop();

    // then
    assertThat(events).containsExactly("start a", "start b", "stop b", "stop a");
    assertThat(runtime.health().message()).isEqualTo("stopped");
  }

  @Test
  void healthIsDownBeforeStartAndAfterStop() {
    // given
    OsspRuntime runtime = TestRuntimes.withoutNode(directory).addComponent(component("a")).build();

    // when
    RuntimeHealth before = runtime.health();
    runtime.start();
    RuntimeHealth running = runtime.health();
    runtime.stop();
    RuntimeHealth after = runtime.health();

    // then
    assertThat(before.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(before.message()).isEqualTo("not started");
    assertThat(running.status()).isEqualTo(HealthStatus.UP);
    assertThat(running.message()).isNull();
    assertThat(running.components()).containsOnlyKeys("a");
    assertThat(after.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(after.message()).isEqualTo("stopped");
  }

  @Test
  void criticalComponentDownMakesRuntimeDown() {
    // given
    OsspRuntime runtime =
        TestRuntimes.withoutNode(directory)
            .addComponent(component("store").health(() -> ComponentHealth.down("disk full")))
            .addComponent(component("cache"))
            .build();
    runtime.start();

    // when
    RuntimeHealth health = runtime.health();

    // then
    assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(health.message()).isEqualTo("down: store");
    assertThat(health.components().get("store").message()).isEqualTo("disk full");
    assertThat(health.components().get("cache").status()).isEqualTo(HealthStatus.UP);
    runtime.close();
  }

  @Test
  void nonCriticalComponentDownMakesRuntimeDegraded() {
    // given
    OsspRuntime runtime =
        TestRuntimes.withoutNode(directory)
            .addComponent(
                component("metrics").nonCritical().health(() -> ComponentHealth.down("no disk")))
            .addComponent(component("pool").health(() -> ComponentHealth.degraded("slow")))
            .addComponent(component("cache"))
            .build();
    runtime.start();

    // when
    RuntimeHealth health = runtime.health();

    // then
    assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(health.message()).isEqualTo("down: metrics; degraded: pool");
    runtime.close();
  }

  @Test
  void degradedComponentMakesRuntimeDegraded() {
    // given
    OsspRuntime runtime =
        TestRuntimes.withoutNode(directory)
            .addComponent(component("pool").health(() -> ComponentHealth.degraded("slow")))
            .build();
    runtime.start();

    // when
    RuntimeHealth health = runtime.health();

    // then
    assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
    runtime.close();
  }

  @Test
  void throwingHealthCheckCountsAsDown() {
    // given
    OsspRuntime runtime =
        TestRuntimes.withoutNode(directory)
            .addComponent(
                component("flaky")
                    .health(
                        () -> {
                          throw new IllegalStateException("probe timed out");
                        }))
            .build();
    runtime.start();

    // when
    RuntimeHealth health = runtime.health();

    // then
    assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(health.components().get("flaky").message()).isEqualTo("probe timed out");
    runtime.close();
  }

  @Test
  void healthReportsStrategySelection() throws IOException {
    // given
    OsspRuntime runtime =
        TestRuntimes.withoutNode(directory).set("strategies.cache", "none").build();
    runtime.start();

    // when
    RuntimeHealth health = runtime.health();

    // then
    assertThat(health.strategies())
        .containsEntry("cache", "none")
        .containsEntry("pooling", "fixed")
        .containsEntry("backoff", "not installed")
        .containsEntry("registry-store", "not installed");
    runtime.close();
  }
}
