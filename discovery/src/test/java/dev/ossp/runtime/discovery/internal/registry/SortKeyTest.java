package dev.ossp.runtime.discovery.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.CardShape;
import dev.ossp.runtime.urn.AgentUrn;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sort key of an entry must order entries exactly as {@link RegistryEntry#compareByNameThenUrn}
 * does whenever two keys differ, or a query page would come out in the wrong order.
 */
class SortKeyTest {
  private static final String[] NAME_PARTS = {
    "agent",
    "\uFB01",
    "\uFF21",
    "Agent",
    "AGENT",
    " ",
    "0",
    "00",
    "9",
    "é",
    "É",
    "ß",
    "ÿ",
    "\u0000",
    "\u0001",
    "ǅ",
    "Ω",
    "ω",
    "\uD801\uDC00",
    "\uD801\uDC28",
    "日本",
    "z",
    "~",
    "-",
    "_"
  };

  private static RegistryEntry entry(String name, String urn) {
    AgentRecord record =
        AgentRecord.builder(AgentUrn.parse(urn))
            .name(name)
            .interfaces(
                List.of(new AgentInterface(URI.create("http://127.0.0.1:9/a2a"), "JSONRPC", null)))
            .shape(CardShape.A2A_V0_3)
            .cardJson("{}")
            .registeredAt(Instant.EPOCH)
            .lastUpdated(Instant.EPOCH)
            .build();
    return new RegistryEntry(record, RegistryEntry.NO_DEADLINE);
  }

  private static int compareKeys(RegistryEntry a, RegistryEntry b) {
    for (int word = 0; word < RegistryEntry.SORT_KEY_WORDS; word++) {
      int result = Long.compareUnsigned(a.sortKey(word), b.sortKey(word));
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }

  private static String randomName(Random random) {
    StringBuilder name = new StringBuilder();
    int parts = 1 + random.nextInt(8);
    for (int i = 0; i < parts; i++) {
      name.append(NAME_PARTS[random.nextInt(NAME_PARTS.length)]);
    }
    return name.toString();
  }

  private static String randomUrn(Random random) {
    String[] domains = {"a", "ab", "a-b", "b", "d3", "ai"};
    String[] names = {"x", "x-1", "agent", "agent-10", "agent-2", "a", "agent-1003"};
    String[] versions = {"1.0.0", "1.0.0-rc.1", "2.0.0", "10.0.0"};
    return "urn:agent:"
        + domains[random.nextInt(domains.length)]
        + ":"
        + names[random.nextInt(names.length)]
        + "@"
        + versions[random.nextInt(versions.length)];
  }

  @Test
  void keyOrderMatchesFullComparison() {
    Random random = new Random(7);
    List<RegistryEntry> entries = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      entries.add(entry(randomName(random), randomUrn(random)));
    }
    int decidedByKey = 0;
    for (RegistryEntry a : entries) {
      for (RegistryEntry b : entries) {
        int byKey = compareKeys(a, b);
        int full = Integer.signum(a.compareByNameThenUrn(b));
        assertThat(Integer.signum(full))
            .as("order of full comparison for %s vs %s", a.record(), b.record())
            .isEqualTo(-Integer.signum(b.compareByNameThenUrn(a)));
        if (byKey != 0) {
          decidedByKey++;
          assertThat(Integer.signum(byKey))
              .as(
                  "key order of '%s' %s vs '%s' %s",
                  a.record().name(), a.record().urn(), b.record().name(), b.record().urn())
              .isEqualTo(full);
        }
      }
    }
    assertThat(decidedByKey).isGreaterThan(entries.size() * entries.size() / 2);
  }

  @Test
  void namesCompareIgnoringCaseThenByUrn() {
    RegistryEntry lower = entry("alpha", "urn:agent:b:x@1.0.0");
    RegistryEntry upper = entry("ALPHA", "urn:agent:a:x@1.0.0");
    RegistryEntry beta = entry("Beta", "urn:agent:a:a@1.0.0");
    RegistryEntry olderVersion = entry("alpha", "urn:agent:a:x@0.9.0");

    assertThat(upper.compareByNameThenUrn(lower)).isNegative();
    assertThat(lower.compareByNameThenUrn(beta)).isNegative();
    assertThat(olderVersion.compareByNameThenUrn(upper)).isNegative();
    assertThat(compareKeys(olderVersion, upper)).isZero();
    assertThat(compareKeys(upper, lower)).isNegative();
  }

  @Test
  void namesEqualIgnoringCaseGetEqualKeys() {
    Random random = new Random(11);
    for (int i = 0; i < 2_000; i++) {
      String a = randomName(random);
      String b = random.nextBoolean() ? randomName(random) : swapCase(a);
      boolean equalIgnoringCase = String.CASE_INSENSITIVE_ORDER.compare(a, b) == 0;
      RegistryEntry first = entry(a, "urn:agent:a:x@1.0.0");
      RegistryEntry second = entry(b, "urn:agent:a:x@1.0.0");
      if (equalIgnoringCase) {
        assertThat(compareKeys(first, second)).as("'%s' vs '%s'", a, b).isZero();
      }
      assertThat(first.compareByNameThenUrn(second) == 0)
          .as("'%s' vs '%s'", a, b)
          .isEqualTo(equalIgnoringCase);
    }
  }

  private static String swapCase(String text) {
    StringBuilder swapped = new StringBuilder();
    text.codePoints()
        .forEach(
            c ->
                swapped.appendCodePoint(
                    Character.isUpperCase(c)
                        ? Character.toLowerCase(c)
                        : Character.toUpperCase(c)));
    return swapped.toString();
  }
}
