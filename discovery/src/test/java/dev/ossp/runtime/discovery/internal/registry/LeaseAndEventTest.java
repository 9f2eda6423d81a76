package dev.ossp.runtime.discovery.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.RegistryEvent;
import dev.ossp.runtime.discovery.internal.DiscoveryService;
import dev.ossp.runtime.discovery.internal.testing.Cards;
import dev.ossp.runtime.discovery.internal.testing.MutableClock;
import dev.ossp.runtime.discovery.internal.testing.Registries;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.urn.AgentUrn;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeaseAndEventTest {
  private static final Duration TTL = Duration.ofSeconds(30);
  private static final Duration GRACE = RegistrySettings.defaults().leaseGrace();

  private final MutableClock clock = MutableClock.startingAt("2025-01-01T00:00:00Z");
  private final DiscoveryService service = Registries.memory(clock);
  private final DefaultAgentRegistry registry = service.registry();
  private final List<RegistryEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void listen() {
    registry.addListener(events::add);
  }

  @AfterEach
  void close() {
    service.close();
  }

  private AgentRecord registerLeased() {
    return registry.register(
        AgentRegistration.builder(Cards.a2a("Leased", "1.0.0", "beat"))
            .urn(AgentUrn.parse("urn:agent:lease:leased"))
            .leaseTtl(TTL)
            .build());
  }

  private List<RegistryEvent.Type> eventTypes() {
    return events.stream().map(RegistryEvent::type).toList();
  }

  @Test
  void heartbeatsKeepLeasedAgentVisible() {
    // given
    AgentRecord record = registerLeased();

    // when
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(20));
      assertThat(registry.heartbeat(record.urn()).orElseThrow().expiresAt())
          .isEqualTo(clock.instant().plus(TTL));
      registry.expireLeases();
    }

    // then
    assertThat(registry.get(record.urn())).isPresent();
    assertThat(eventTypes()).containsExactly(RegistryEvent.Type.REGISTERED);
  }

  @Test
  void expiredLeaseHidesAgentWithEventThenDeletesAfterGrace() {
    // given
    AgentRecord record = registerLeased();
    AgentQuery query = AgentQuery.builder().domain("lease").build();
    assertThat(registry.query(query).total()).isEqualTo(1);

    // when the lease runs out
    clock.advance(TTL);

    // then queries stop seeing the agent even before the sweep
    assertThat(registry.query(query).total()).isZero();
    assertThat(registry.expireLeases()).isEqualTo(1);
    assertThat(eventTypes())
        .containsExactly(RegistryEvent.Type.REGISTERED, RegistryEvent.Type.EXPIRED);
    assertThat(registry.get(record.urn())).isEmpty();
    assertThat(registry.stats().expiredAgents()).isEqualTo(1);

    // when the grace period ends
    clock.advance(GRACE);
    registry.expireLeases();

    // then the agent is gone from the store
    assertThat(registry.stats().expiredAgents()).isZero();
    assertThatThrownBy(() -> registry.heartbeat(record.urn()))
        .satisfies(e -> assertThat(((OsspException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }

  @Test
  void heartbeatWithinGraceRestoresAgent() {
    // given
    AgentRecord record = registerLeased();
    clock.advance(TTL.plusSeconds(1));
    registry.expireLeases();

    // when
    registry.heartbeat(record.urn());

    // then
    assertThat(registry.get(record.urn())).isPresent();
    assertThat(registry.query(AgentQuery.builder().domain("lease").build()).total()).isEqualTo(1);
    assertThat(eventTypes())
        .containsExactly(
            RegistryEvent.Type.REGISTERED, RegistryEvent.Type.EXPIRED, RegistryEvent.Type.RESTORED);
  }

  @Test
  void registerOverExpiredAgentReplacesIt() {
    // given
    AgentRecord record = registerLeased();
    clock.advance(TTL);
    registry.expireLeases();

    // when
    AgentRecord again = registerLeased();

    // then
    assertThat(again.revision()).isEqualTo(record.revision() + 1);
    assertThat(registry.get(record.urn())).contains(again);
  }

  @Test
  void everyWriteDeliversItsEvent() {
    // given
    AgentRecord record =
        registry.register(
            AgentRegistration.of(AgentUrn.parse("urn:agent:ev:a"), Cards.a2a("A", "1.0.0", "x")));

    // when
    AgentRecord updated = registry.update(AgentRegistration.of(record.urn(), record.cardJson()), 1);
    registry.deregister(record.urn());

    // then
    assertThat(eventTypes())
        .containsExactly(
            RegistryEvent.Type.REGISTERED,
            RegistryEvent.Type.UPDATED,
            RegistryEvent.Type.DEREGISTERED);
    assertThat(events.get(1).before()).contains(record);
    assertThat(events.get(1).after()).contains(updated);
    assertThat(events.get(2).after()).isEmpty();
  }

  @Test
  void listenerThatWritesIsRejectedAndFailingListenerIsIsolated() {
    // given
    List<Throwable> seen = new CopyOnWriteArrayList<>();
    registry.addListener(
        event -> {
          try {
            registry.deregister(event.urn());
          } catch (IllegalStateException e) {
            seen.add(e);
          }
        });
    registry.addListener(
        event -> {
          throw new IllegalArgumentException("listener bug");
        });

    // when
    AgentRecord record = registerLeased();

    // then
    assertThat(seen)
        .singleElement()
        .satisfies(e -> assertThat(e).hasMessageContaining("must not write"));
    assertThat(registry.get(record.urn())).isPresent();
  }

  @Test
  void heartbeatWithoutLeaseReturnsEmpty() {
    AgentRecord record =
        registry.register(
            AgentRegistration.of(AgentUrn.parse("urn:agent:ev:b"), Cards.a2a("B", "1.0.0", "x")));

    assertThat(registry.heartbeat(record.urn())).isEmpty();
    assertThat(registry.lease(record.urn())).isEmpty();
  }
}
