package dev.ossp.runtime.discovery.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.ossp.runtime.urn.AgentUrn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pages from the indexes, the sort keys and the bounded heap must equal the same query done the
 * slow way: filter every agent, sort with the documented order, cut the page.
 */
class QueryOrderingTest {
  private static final String[] NAMES = {
    "Agent 7",
    "agent 7",
    "AGENT 70",
    "Agent 7a",
    "Zed",
    "zed x",
    "alpha",
    "Alpha Beta",
    "alpha beta gamma delta epsilon zeta eta theta",
    "Alpha Beta Gamma Delta Epsilon Zeta Eta Iota",
    "b",
    "B",
    "Mid",
    "mid 2"
  };

  private final MutableClock clock = MutableClock.startingAt("2025-01-01T00:00:00Z");
  private final DiscoveryService service = Registries.memory(clock);
  private final AgentRegistry registry = service.registry();

  @BeforeEach
  void registerAgents() {
    Random random = new Random(3);
    for (int i = 0; i < 600; i++) {
      String name = NAMES[random.nextInt(NAMES.length)];
      String version = i % 7 == 0 ? "2.0.0" : "1.0.0";
      String urn = "urn:agent:d" + (i % 3) + ":a-" + (i % 500);
      registry.upsert(
          AgentRegistration.of(
              AgentUrn.parse(urn),
              Cards.a2a(name, version, "s" + (i % 4), "t" + (i % 2), "u" + (i % 5))));
    }
  }

  @AfterEach
  void close() {
    service.close();
  }

  private static Comparator<AgentRecord> documentedOrder(SortField field, SortOrder order) {
    Comparator<AgentRecord> primary =
        switch (field) {
          case NAME -> Comparator.comparing(AgentRecord::name, String.CASE_INSENSITIVE_ORDER);
          case VERSION -> Comparator.comparing(AgentRecord::version);
          case REGISTERED_AT -> Comparator.comparing(AgentRecord::registeredAt);
          case LAST_UPDATED -> Comparator.comparing(AgentRecord::lastUpdated);
        };
    if (order == SortOrder.DESC) {
      primary = primary.reversed();
    }
    return primary.thenComparing(AgentRecord::urn);
  }

  private List<AgentRecord> slowWay(
      Predicate<AgentRecord> filter, SortField field, SortOrder order) {
    return registry.list().stream().filter(filter).sorted(documentedOrder(field, order)).toList();
  }

  @ParameterizedTest(name = "{0} {1}, limit {2}, offset {3}")
  @CsvSource({
    "NAME, ASC, 1, 0",
    "NAME, ASC, 10, 0",
    "NAME, ASC, 10, 35",
    "NAME, ASC, 100, 0",
    "NAME, ASC, 1000, 0",
    "NAME, DESC, 10, 0",
    "NAME, DESC, 100, 3",
    "VERSION, ASC, 20, 0",
    "VERSION, DESC, 20, 5",
    "REGISTERED_AT, ASC, 15, 0"
  })
  void indexedPagesEqualTheSlowWay(SortField field, SortOrder order, int limit, int offset) {
    List<AgentQuery> queries =
        List.of(
                AgentQuery.builder().domain("d1").sort(field).order(order),
                AgentQuery.builder().capabilities("s2").tags("t0").sort(field).order(order),
                AgentQuery.builder().anyCapabilities(List.of("s1", "s3")).sort(field).order(order),
                AgentQuery.builder()
                    .domain("d2")
                    .tags("u4")
                    .nameContains("a")
                    .sort(field)
                    .order(order),
                AgentQuery.builder().sort(field).order(order))
            .stream()
            .map(builder -> builder.limit(limit).offset(offset).build())
            .toList();
    for (AgentQuery query : queries) {
      List<AgentRecord> expected =
          slowWay(record -> QueryEngine.matchesFilters(query, record), field, order);

      QueryResult result = registry.query(query);

      assertThat(result.total()).as("total of %s", query).isEqualTo(expected.size());
      List<AgentRecord> page =
          expected.subList(
              Math.min(offset, expected.size()), Math.min(offset + limit, expected.size()));
      assertThat(result.agents()).as("page of %s", query).containsExactlyElementsOf(page);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"NAME, ASC", "NAME, DESC", "VERSION, ASC"})
  void cursorsWalkTheWholeOrderOnce(SortField field, SortOrder order) {
    AgentQuery first = AgentQuery.builder().domain("d0").sort(field).order(order).limit(7).build();
    List<AgentRecord> expected = slowWay(record -> record.domain().equals("d0"), field, order);

    List<AgentRecord> walked = new ArrayList<>();
    Set<AgentUrn> seen = new HashSet<>();
    QueryResult page = registry.query(first);
    while (true) {
      for (AgentRecord record : page.agents()) {
        assertThat(seen.add(record.urn())).as("%s seen twice", record.urn()).isTrue();
        walked.add(record);
      }
      if (page.next().isEmpty()) {
        break;
      }
      page = registry.query(first.toBuilder().cursor(page.next().get()).build());
    }

    assertThat(walked).containsExactlyElementsOf(expected);
  }

  @Test
  void namesWithLoneSurrogatesKeepDocumentedOrder() {
    // JSON escapes let a card carry unpaired surrogates, and String.CASE_INSENSITIVE_ORDER then
    // pairs code units differently from a walk over code points.
    String[] names = {"\\ud800\\udc00", "\\ud800\\ud801\\udc00", "\\ud800\\ue000", "\\udc00x"};
    for (int i = 0; i < names.length; i++) {
      String card =
          "{\"protocolVersion\":\"0.3.0\",\"name\":\""
              + names[i]
              + "\",\"description\":\"lone surrogate\",\"url\":\"http://127.0.0.1:9000/a\","
              + "\"preferredTransport\":\"JSONRPC\",\"version\":\"1.0.0\",\"skills\":"
              + "[{\"id\":\"lone\",\"name\":\"lone\",\"tags\":[]}]}";
      registry.register(AgentRegistration.of(AgentUrn.parse("urn:agent:lone:a-" + i), card));
    }
    AgentQuery query = AgentQuery.builder().capabilities("lone").sort(SortField.NAME).build();
    List<AgentRecord> expected =
        slowWay(record -> record.capabilities().contains("lone"), SortField.NAME, SortOrder.ASC);

    QueryResult result = registry.query(query);

    assertThat(expected).hasSize(names.length);
    assertThat(result.agents()).containsExactlyElementsOf(expected);
  }

  @Test
  void offsetNearIntegerMaxReturnsEmptyPage() {
    AgentQuery query =
        AgentQuery.builder().domain("d1").limit(10).offset(Integer.MAX_VALUE - 5).build();

    QueryResult result = registry.query(query);

    assertThat(result.agents()).isEmpty();
    assertThat(result.total())
        .isEqualTo(
            slowWay(record -> record.domain().equals("d1"), SortField.NAME, SortOrder.ASC).size());
    assertThat(result.next()).isEmpty();
  }
}
