package dev.ossp.runtime.zookeeper.internal;

import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.discovery.internal.testing.Cards;
import dev.ossp.runtime.urn.AgentUrn;
import java.nio.file.Path;
import java.util.Locale;

/** Starts real runtime nodes whose registry is the zookeeper store, and builds registrations. */
final class RuntimeNodes {
  static final String API_KEY = "test-api-key-0123456789";

  private RuntimeNodes() {}

  /** Starts a node on a free port with the discovery component over {@code connectString}. */
  static OsspRuntime start(Path dataDir, String connectString, String namespace) {
    OsspRuntime runtime =
        OsspRuntime.builder()
            .set("node.port", 0)
            .set("node.api-key", API_KEY)
            .set("runtime.data-dir", dataDir.toString())
            .set("runtime.shutdown-hook", false)
            .set("node.shutdown-timeout", "1s")
            .set("strategies.registry-store", ZooKeeperRegistryStore.NAME)
            .set("discovery.store.zookeeper.connect-string", connectString)
            .set("discovery.store.zookeeper.namespace", namespace)
            .set("discovery.store.zookeeper.session-timeout", "4s")
            .set("discovery.store.zookeeper.connection-timeout", "5s")
            .set("discovery.store.zookeeper.retry-max-retries", "5")
            .build();
    runtime.start();
    return runtime;
  }

  static AgentRegistry registry(OsspRuntime runtime) {
    return runtime.instance(AgentRegistry.class);
  }

  static AgentRegistration agent(String name, String capability) {
    return AgentRegistration.builder(Cards.a2a(name, "1.0.0", capability))
        .urn(AgentUrn.parse("urn:agent:zk:" + name.toLowerCase(Locale.ROOT)))
        .build();
  }
}
