package dev.ossp.runtime.discovery.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.discovery.RevisionConflictException;
import dev.ossp.runtime.discovery.internal.DiscoveryService;
import dev.ossp.runtime.discovery.internal.store.FileRecordStore;
import dev.ossp.runtime.discovery.internal.store.FileStoreOptions;
import dev.ossp.runtime.discovery.internal.testing.Cards;
import dev.ossp.runtime.discovery.internal.testing.MutableClock;
import dev.ossp.runtime.discovery.internal.testing.Registries;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.urn.AgentUrn;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryOperationsTest {
  private final MutableClock clock = MutableClock.startingAt("2025-01-01T00:00:00Z");
  private DiscoveryService service = Registries.memory(clock);
  private AgentRegistry registry = service.registry();

  @AfterEach
  void close() {
    service.close();
  }

  private static AgentRegistration echo(String version) {
    return AgentRegistration.of(
        AgentUrn.parse("urn:agent:demo:echo"), Cards.a2a("Echo", version, "echo", "text"));
  }

  @Test
  void registerStoresRecordAtRevisionOne() {
    // when
    AgentRecord record = registry.register(echo("1.0.0"));

    // then
    assertThat(record.urn()).hasToString("urn:agent:demo:echo@1.0.0");
    assertThat(record.revision()).isEqualTo(1);
    assertThat(record.registeredAt()).isEqualTo(clock.instant());
    assertThat(registry.get(record.urn())).contains(record);
  }

  @Test
  void secondRegisterOfSameUrnConflicts() {
    // given
    registry.register(echo("1.0.0"));

    // when / then
    assertThatThrownBy(() -> registry.register(echo("1.0.0")))
        .isInstanceOf(OsspException.class)
        .hasMessageContaining("already registered")
        .satisfies(e -> assertThat(((OsspException) e).kind()).isEqualTo(ErrorKind.CONFLICT));
  }

  @Test
  void invalidCardStoresNothing() {
    // when
    assertThatThrownBy(
            () ->
                registry.register(
                    AgentRegistration.builder("{\"name\":\"x\"}")
                        .domain("demo")
                        .leaseTtl(Duration.ofDays(30))
                        .build()))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).violations())
                    .extracting(v -> v.field())
                    .contains("interfaces", "version", "leaseTtl"));

    // then
    assertThat(registry.list()).isEmpty();
    assertThat(registry.stats().agents()).isZero();
  }

  @Test
  void updateWithCurrentRevisionReplacesRecordAndKeepsRegistrationTime() {
    // given
    AgentRecord first = registry.register(echo("1.0.0"));
    clock.advance(Duration.ofMinutes(1));
    AgentRegistration changed =
        AgentRegistration.of(
            first.urn(), Cards.a2a("Echo Renamed", "1.0.0", "echo", "text", "new-tag"));

    // when
    AgentRecord second = registry.update(changed, 1);

    // then
    assertThat(second.revision()).isEqualTo(2);
    assertThat(second.name()).isEqualTo("Echo Renamed");
    assertThat(second.registeredAt()).isEqualTo(first.registeredAt());
    assertThat(second.lastUpdated()).isEqualTo(clock.instant());
    assertThat(registry.query(AgentQuery.builder().tags("new-tag").build()).agents())
        .containsExactly(second);
  }

  @Test
  void updateWithStaleRevisionFailsWithRevisionConflict() {
    // given
    AgentRecord first = registry.register(echo("1.0.0"));
    registry.update(AgentRegistration.of(first.urn(), first.cardJson()), 1);

    // when / then
    assertThatThrownBy(
            () -> registry.update(AgentRegistration.of(first.urn(), first.cardJson()), 1))
        .isInstanceOf(RevisionConflictException.class)
        .satisfies(e -> assertThat(((RevisionConflictException) e).actualRevision()).isEqualTo(2));
  }

  @Test
  void updateOfUnknownAgentIsNotFound() {
    assertThatThrownBy(() -> registry.update(echo("1.0.0"), 1))
        .satisfies(e -> assertThat(((OsspException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }

  @Test
  void upsertCreatesThenReplaces() {
    // when
    AgentRecord created = registry.upsert(echo("1.0.0"));
    AgentRecord replaced = registry.upsert(echo("1.0.0"));

    // then
    assertThat(created.revision()).isEqualTo(1);
    assertThat(replaced.revision()).isEqualTo(2);
    assertThat(registry.list()).containsExactly(replaced);
  }

  @Test
  void deregisterRemovesAgentOnce() {
    // given
    AgentRecord record = registry.register(echo("1.0.0"));

    // when / then
    assertThat(registry.deregister(record.urn())).isTrue();
    assertThat(registry.deregister(record.urn())).isFalse();
    assertThat(registry.get(record.urn())).isEmpty();
    assertThatThrownBy(() -> registry.deregister(AgentUrn.parse("urn:agent:demo:echo")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("give the version");
  }

  @Test
  void getWithoutVersionReturnsHighestRelease() {
    // given
    registry.register(echo("1.9.0"));
    registry.register(echo("1.10.0"));
    registry.register(echo("2.0.0-rc.1"));

    // when
    AgentRecord latest = registry.get(AgentUrn.parse("urn:agent:demo:echo")).orElseThrow();

    // then
    assertThat(latest.version()).hasToString("1.10.0");
    assertThat(registry.interfaces(AgentUrn.parse("urn:agent:demo:echo")))
        .isEqualTo(latest.interfaces());
    assertThatThrownBy(() -> registry.interfaces(AgentUrn.parse("urn:agent:demo:other")))
        .satisfies(e -> assertThat(((OsspException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }

  @Test
  void capacityLimitRejectsRegistrationAndStoresNothing() {
    // given
    service.close();
    RegistrySettings small =
        new RegistrySettings(
            2,
            1000,
            100,
            Duration.ofSeconds(30),
            Duration.ofSeconds(1),
            Duration.ofDays(1),
            true,
            Duration.ofMinutes(5),
            100,
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            2);
    service = Registries.memory(clock, small, null);
    registry = service.registry();
    registry.register(echo("1.0.0"));
    registry.register(echo("2.0.0"));

    // when / then
    assertThatThrownBy(() -> registry.register(echo("3.0.0")))
        .isInstanceOf(OsspException.class)
        .hasMessageContaining("registry is full: it holds 2 of 2 agents");
    assertThat(registry.list()).hasSize(2);
    assertThat(registry.deregister(AgentUrn.parse("urn:agent:demo:echo@1.0.0"))).isTrue();
    assertThat(registry.register(echo("3.0.0")).revision()).isEqualTo(3);
  }

  @Test
  void recordsSurviveRestartOnFileStore(@TempDir Path directory) throws Exception {
    // given
    service.close();
    service = Registries.over(FileRecordStore.open(directory, FileStoreOptions.defaults()), clock);
    AgentRecord manifest =
        service.registry().register(AgentRegistration.builder(Cards.MANIFEST).build());
    AgentRecord echo = service.registry().register(echo("1.0.0"));
    service.registry().update(AgentRegistration.of(echo.urn(), echo.cardJson()), echo.revision());
    service.close();

    // when
    service =
        DiscoveryService.start(
            FileRecordStore.open(directory, FileStoreOptions.defaults()),
            "file",
            RegistrySettings.defaults(),
            null,
            null,
            clock,
            Metrics.noop(),
            null);

    // then
    assertThat(service.registry().get(manifest.urn())).contains(manifest);
    assertThat(service.registry().get(echo.urn()).orElseThrow().revision())
        .isEqualTo(echo.revision() + 1);
    assertThat(service.registry().get(echo.urn()).orElseThrow().cardJson())
        .isEqualTo(echo.cardJson());
  }
}
