package dev.ossp.runtime.cli.readme;

import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.discovery.QueryResult;
import java.nio.file.Path;
import java.util.List;

/** The library example of the root README, quoted from the marked lines; a test runs it. */
final class EmbeddingExample {
  private EmbeddingExample() {}

  /** Registers {@code cardJson} in an embedded runtime and returns the URNs of domain "demo". */
  static List<String> run(Path dataDirectory, String cardJson) {
    // README-START
    try (OsspRuntime runtime =
        OsspRuntime.builder()
            .set("runtime.data-dir", dataDirectory.toString())
            .set("node.port", 0) // 0 picks a free port
            .build()) {
      runtime.start();
      AgentRegistry registry = runtime.instance(AgentRegistry.class);

      AgentRecord record =
          registry.register(AgentRegistration.builder(cardJson).domain("demo").build());
      QueryResult result = registry.query(AgentQuery.builder().domain("demo").build());

      System.out.println(record.urn() + " registered; node at " + runtime.node().baseUri());
      return result.agents().stream().map(agent -> agent.urn().toString()).toList();
    }
    // README-END
  }
}
