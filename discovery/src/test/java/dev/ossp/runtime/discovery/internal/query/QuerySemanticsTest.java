package dev.ossp.runtime.discovery.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.discovery.AgentHealth;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentQuery.SortField;
import dev.ossp.runtime.discovery.AgentQuery.SortOrder;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.discovery.QueryResult;
import dev.ossp.runtime.discovery.internal.DiscoveryService;
import dev.ossp.runtime.discovery.internal.testing.Cards;
import dev.ossp.runtime.discovery.internal.testing.MutableClock;
import dev.ossp.runtime.discovery.internal.testing.Registries;
import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.urn.AgentUrn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuerySemanticsTest {
  private final MutableClock clock = MutableClock.startingAt("2025-01-01T00:00:00Z");
  private final DiscoveryService service = Registries.memory(clock);
  private final AgentRegistry registry = service.registry();

  @BeforeEach
  void registerAgents() {
    register("urn:agent:ai:classifier", Cards.a2a("Classifier", "1.9.0", "classify", "ml", "text"));
    register(
        "urn:agent:ai:classifier", Cards.a2a("Classifier", "1.10.0", "classify", "ml", "text"));
    register("urn:agent:ai:classifier", Cards.a2a("Classifier", "2.0.0-rc.1", "classify", "ml"));
    register("urn:agent:ai:summarizer", Cards.a2a("summarizer", "1.2.5", "summarize", "text"));
    register("urn:agent:data:etl", Cards.a2a("ETL Loader", "0.3.0", "load", "ml"));
    registry.register(AgentRegistration.builder(Cards.V1_0).domain("travel").build());
    registry.register(AgentRegistration.builder(Cards.MANIFEST).build());
  }

  @AfterEach
  void close() {
    service.close();
  }

  private void register(String urn, String card) {
    registry.register(AgentRegistration.of(AgentUrn.parse(urn), card));
    clock.advance(Duration.ofSeconds(1));
  }

  private List<String> urns(AgentQuery query) {
    return registry.query(query).agents().stream().map(r -> r.urn().toString()).toList();
  }

  @Test
  void filtersByDomain() {
    assertThat(urns(AgentQuery.builder().domain("AI").build()))
        .containsExactly(
            "urn:agent:ai:classifier@1.9.0",
            "urn:agent:ai:classifier@1.10.0",
            "urn:agent:ai:classifier@2.0.0-rc.1",
            "urn:agent:ai:summarizer@1.2.5");
  }

  @Test
  void filtersByAllCapabilitiesAndAnyCapabilities() {
    assertThat(urns(AgentQuery.builder().capabilities("ML", "text").build()))
        .containsExactly("urn:agent:ai:classifier@1.9.0", "urn:agent:ai:classifier@1.10.0");
    assertThat(
            urns(
                AgentQuery.builder()
                    .anyCapabilities(List.of("load", "summarize", "absent"))
                    .build()))
        .containsExactly(
            "urn:agent:data:etl-agent@1.2.0",
            "urn:agent:data:etl@0.3.0",
            "urn:agent:ai:summarizer@1.2.5");
    assertThat(urns(AgentQuery.builder().capabilities("absent", "ml").build())).isEmpty();
  }

  @Test
  void filtersByTagsNameBindingAndVersionRange() {
    assertThat(urns(AgentQuery.builder().tags("travel").build()))
        .containsExactly("urn:agent:travel:planner@3.0.0");
    assertThat(urns(AgentQuery.builder().nameContains("ASSIF").build())).hasSize(3);
    assertThat(urns(AgentQuery.builder().binding("grpc").build()))
        .containsExactly("urn:agent:travel:planner@3.0.0");
    assertThat(urns(AgentQuery.builder().domain("ai").version("^1.2").build()))
        .containsExactly(
            "urn:agent:ai:classifier@1.9.0",
            "urn:agent:ai:classifier@1.10.0",
            "urn:agent:ai:summarizer@1.2.5");
    assertThat(urns(AgentQuery.builder().version(">=1.10.0 <2.0.0").build()))
        .containsExactly("urn:agent:ai:classifier@1.10.0");
    assertThat(urns(AgentQuery.builder().version("2.0.0-rc.1").build()))
        .containsExactly("urn:agent:ai:classifier@2.0.0-rc.1");
  }

  @Test
  void healthFilterUsesLatestKnownStatus() {
    assertThat(urns(AgentQuery.builder().health(AgentHealth.Status.UNKNOWN).build())).hasSize(7);
    assertThat(urns(AgentQuery.builder().health(AgentHealth.Status.HEALTHY).build())).isEmpty();
  }

  @Test
  void sortsVersionsBySemVerPrecedence() {
    AgentQuery byVersion =
        AgentQuery.builder().nameContains("classifier").sort(SortField.VERSION).build();

    assertThat(urns(byVersion))
        .containsExactly(
            "urn:agent:ai:classifier@1.9.0",
            "urn:agent:ai:classifier@1.10.0",
            "urn:agent:ai:classifier@2.0.0-rc.1");
    assertThat(urns(byVersion.toBuilder().order(SortOrder.DESC).build()))
        .containsExactly(
            "urn:agent:ai:classifier@2.0.0-rc.1",
            "urn:agent:ai:classifier@1.10.0",
            "urn:agent:ai:classifier@1.9.0");
  }

  @Test
  void sortsByNameIgnoringCaseAndByRegistrationTime() {
    assertThat(registry.query(AgentQuery.builder().build()).agents())
        .extracting(AgentRecord::name)
        .containsExactly(
            "Classifier",
            "Classifier",
            "Classifier",
            "ETL Agent",
            "ETL Loader",
            "Planner",
            "summarizer");
    assertThat(
            urns(
                AgentQuery.builder()
                    .domain("ai")
                    .sort(SortField.REGISTERED_AT)
                    .order(SortOrder.DESC)
                    .build()))
        .first()
        .isEqualTo("urn:agent:ai:summarizer@1.2.5");
  }

  @Test
  void pagesWithOffsetAndLimitCountAllMatches() {
    // when
    QueryResult page = registry.query(AgentQuery.builder().limit(2).offset(2).build());

    // then
    assertThat(page.total()).isEqualTo(7);
    assertThat(page.offset()).isEqualTo(2);
    assertThat(page.returned()).isEqualTo(2);
    assertThat(page.agents())
        .extracting(AgentRecord::name)
        .containsExactly("Classifier", "ETL Agent");
    assertThat(registry.query(AgentQuery.builder().offset(50).build()).agents()).isEmpty();
  }

  @Test
  void cursorPagesAreStableWhenAgentsArriveBetweenPages() {
    // given
    AgentQuery first = AgentQuery.builder().limit(3).build();
    QueryResult page1 = registry.query(first);
    register("urn:agent:ai:aardvark", Cards.a2a("Aardvark", "1.0.0", "x"));

    // when
    List<AgentRecord> seen = new ArrayList<>(page1.agents());
    String cursor = page1.nextCursor();
    while (cursor != null) {
      QueryResult page = registry.query(first.toBuilder().cursor(cursor).build());
      seen.addAll(page.agents());
      cursor = page.nextCursor();
    }

    // then
    assertThat(seen)
        .extracting(AgentRecord::name)
        .containsExactly(
            "Classifier",
            "Classifier",
            "Classifier",
            "ETL Agent",
            "ETL Loader",
            "Planner",
            "summarizer");
    assertThat(seen).doesNotHaveDuplicates();
  }

  @Test
  void cursorOfAnotherQueryOrGarbageIsRejected() {
    // given
    String cursor = registry.query(AgentQuery.builder().limit(1).build()).nextCursor();

    // when / then
    assertThatThrownBy(
            () -> registry.query(AgentQuery.builder().domain("ai").cursor(cursor).build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("another sort");
    assertThatThrownBy(() -> registry.query(AgentQuery.builder().cursor("!!!").build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cursor is malformed");
  }

  @Test
  void invalidQueriesNameTheFieldAndValidValues() {
    ValidationException limit =
        catchThrowableOfType(
            ValidationException.class,
            () -> registry.query(AgentQuery.builder().limit(5000).build()));
    assertThat(limit.violations())
        .containsExactly(new Violation("limit", "limit must be in 1..1000, was 5000"));

    ValidationException many =
        catchThrowableOfType(
            ValidationException.class,
            () ->
                AgentQuery.builder()
                    .limit(0)
                    .offset(-1)
                    .version("^^1")
                    .domain("bad domain")
                    .build());
    assertThat(many.violations())
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("limit", "offset", "version", "domain");

    assertThatThrownBy(() -> SortField.fromWireName("size"))
        .hasMessageContaining("valid fields: name, version, registeredAt, lastUpdated");
    assertThatThrownBy(() -> SortOrder.fromWireName("up"))
        .hasMessageContaining("valid orders: asc, desc");
  }

  @Test
  void resultsAreImmutableAndCarryTiming() {
    QueryResult result = registry.query(AgentQuery.builder().build());

    assertThat(result.executedAt()).isEqualTo(clock.instant());
    assertThat(result.executionTime()).isPositive();
    assertThatThrownBy(() -> result.agents().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> result.agents().get(0).capabilities().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
