package dev.ossp.runtime.discovery.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.CardShape;
import dev.ossp.runtime.urn.AgentUrn;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentIndexTest {
  private static final AgentUrn URN = AgentUrn.parse("urn:agent:index:a@1.0.0");

  private static RegistryEntry entry(long revision, Set<String> capabilities) {
    AgentRecord record =
        AgentRecord.builder(URN)
            .name("a")
            .interfaces(
                List.of(new AgentInterface(URI.create("http://127.0.0.1:9/a2a"), "JSONRPC", null)))
            .capabilities(capabilities)
            .shape(CardShape.A2A_V0_3)
            .cardJson("{}")
            .revision(revision)
            .registeredAt(Instant.EPOCH)
            .lastUpdated(Instant.EPOCH)
            .build();
    return new RegistryEntry(record, RegistryEntry.NO_DEADLINE);
  }

  @Test
  void removeOfReplacedEntryKeepsCurrent() {
    AgentIndex index = new AgentIndex();
    RegistryEntry first = entry(1, Set.of("shared", "old"));
    RegistryEntry second = entry(2, Set.of("shared"));
    index.put(first, null);
    index.put(second, first);

    index.remove(first);

    assertThat(index.entry(URN)).isSameAs(second);
    assertThat(index.entryAt(second.slot())).isSameAs(second);
    assertThat(index.capabilities().get("shared").contains(second.slot())).isTrue();
    assertThat(index.resolve(URN.withoutVersion(), 0)).isSameAs(second);
  }
}
