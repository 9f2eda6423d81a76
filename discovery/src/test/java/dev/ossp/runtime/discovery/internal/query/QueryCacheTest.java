package dev.ossp.runtime.discovery.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.QueryResult;
import dev.ossp.runtime.discovery.internal.DiscoveryService;
import dev.ossp.runtime.discovery.internal.registry.DefaultAgentRegistry;
import dev.ossp.runtime.discovery.internal.testing.Cards;
import dev.ossp.runtime.discovery.internal.testing.MutableClock;
import dev.ossp.runtime.discovery.internal.testing.Registries;
import dev.ossp.runtime.urn.AgentUrn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryCacheTest {
  private final MutableClock clock = MutableClock.startingAt("2025-01-01T00:00:00Z");
  private final DiscoveryService service = Registries.memory(clock);
  private final DefaultAgentRegistry registry = service.registry();

  @AfterEach
  void close() {
    service.close();
  }

  private AgentRecord register(String urn, String skill, String... tags) {
    return registry.register(
        AgentRegistration.of(
            AgentUrn.parse(urn), Cards.a2a(urn.substring(14), "1.0.0", skill, tags)));
  }

  @Test
  void equivalentQueriesShareOneCanonicalKey() {
    // given
    AgentQuery a = AgentQuery.builder().capabilities("b", "A").domain("AI").tags("x", "y").build();
    AgentQuery b =
        AgentQuery.builder().tags("Y ", "x").domain("ai").capabilities("a", "b", "a").build();

    // then
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.canonical()).isEqualTo(b.canonical());
    assertThat(a).isNotEqualTo(a.toBuilder().limit(5).build());
  }

  @Test
  void secondIdenticalQueryIsServedFromCacheWithHitCounted() {
    // given
    register("urn:agent:ai:one", "classify");
    AgentQuery query = AgentQuery.builder().capabilities("classify").build();

    // when
    QueryResult first = registry.query(query);
    clock.advance(Duration.ofSeconds(1));
    QueryResult second = registry.query(AgentQuery.builder().capabilities("CLASSIFY").build());

    // then
    assertThat(first.cached()).isFalse();
    assertThat(second.cached()).isTrue();
    assertThat(second.agents()).isEqualTo(first.agents());
    assertThat(second.computedAt()).isEqualTo(first.executedAt());
    assertThat(second.executedAt()).isEqualTo(clock.instant());
    assertThat(registry.stats().cache().hits()).isEqualTo(1);
    assertThat(registry.stats().cache().misses()).isEqualTo(1);
    assertThat(registry.stats().cache().hitRate()).isEqualTo(0.5);
    assertThat(registry.stats().cacheSize()).isEqualTo(1);
  }

  @Test
  void everyEventInvalidatesAffectedResults() {
    // given
    AgentRecord one = register("urn:agent:ai:one", "classify");
    AgentQuery query = AgentQuery.builder().capabilities("classify").build();
    AgentQuery unrelated = AgentQuery.builder().domain("other").build();
    registry.query(query);
    registry.query(unrelated);

    // when registered
    register("urn:agent:ai:two", "classify");

    // then
    assertThat(registry.query(query).cached()).isFalse();
    assertThat(registry.query(query).total()).isEqualTo(2);
    assertThat(registry.query(unrelated).cached()).isTrue();

    // when updated out of the filter
    registry.update(
        AgentRegistration.of(one.urn(), Cards.a2a("one", "1.0.0", "translate")), one.revision());

    // then
    QueryResult afterUpdate = registry.query(query);
    assertThat(afterUpdate.cached()).isFalse();
    assertThat(afterUpdate.total()).isEqualTo(1);

    // when deregistered
    registry.deregister(AgentUrn.parse("urn:agent:ai:two@1.0.0"));

    // then
    assertThat(registry.query(query).cached()).isFalse();
    assertThat(registry.query(query).total()).isZero();
  }

  @Test
  void expiryAndRestoreInvalidateCachedResults() {
    // given
    registry.register(
        AgentRegistration.builder(Cards.a2a("leased", "1.0.0", "beat"))
            .urn(AgentUrn.parse("urn:agent:lease:leased"))
            .leaseTtl(Duration.ofSeconds(10))
            .build());
    AgentQuery query = AgentQuery.builder().domain("lease").build();
    assertThat(registry.query(query).total()).isEqualTo(1);
    assertThat(registry.query(query).cached()).isTrue();

    // when the lease runs out, a cached result is not served past the deadline
    clock.advance(Duration.ofSeconds(10));
    QueryResult afterDeadline = registry.query(query);

    // then
    assertThat(afterDeadline.cached()).isFalse();
    assertThat(afterDeadline.total()).isZero();

    // when the sweep expires it and a heartbeat restores it
    registry.expireLeases();
    registry.query(query);
    registry.heartbeat(AgentUrn.parse("urn:agent:lease:leased@1.0.0"));

    // then
    QueryResult restored = registry.query(query);
    assertThat(restored.cached()).isFalse();
    assertThat(restored.total()).isEqualTo(1);
  }

  @Test
  void clearCacheAndWarmUp() {
    // given
    register("urn:agent:ai:one", "classify");
    List<AgentQuery> warm =
        List.of(AgentQuery.builder().domain("ai").build(), AgentQuery.builder().build());

    // when
    int ran = registry.warmUp(warm);

    // then
    assertThat(ran).isEqualTo(2);
    assertThat(registry.query(warm.get(0)).cached()).isTrue();
    registry.clearCache();
    assertThat(registry.stats().cacheSize()).isZero();
    assertThat(registry.query(warm.get(0)).cached()).isFalse();
  }

  @Test
  void cachedResultExpiresAfterTtl() {
    // given
    register("urn:agent:ai:one", "classify");
    AgentQuery query = AgentQuery.builder().build();
    registry.query(query);

    // when
    clock.advance(Duration.ofMinutes(5));

    // then
    assertThat(registry.query(query).cached()).isFalse();
  }
}
