package dev.ossp.runtime.zookeeper.internal;

import dev.ossp.runtime.discovery.contract.RecordStoreContractTest;
import dev.ossp.runtime.registry.RegistryStore;
import dev.ossp.runtime.registry.StoreSettings;
import java.nio.file.Path;
import java.util.Map;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real, in-process ZooKeeper server. Each test gets its own namespace, so
 * tests start empty; reopening uses the same namespace, so records survive it.
 */
class ZooKeeperRecordStoreContractTest extends RecordStoreContractTest {
  private static TestingServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = new TestingServer(true);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Override
  protected RegistryStore strategy() {
    return new ZooKeeperRegistryStore();
  }

  @Override
  protected boolean durable() {
    return true;
  }

  @Override
  protected StoreSettings settings(Path directory) {
    return new StoreSettings(
        directory,
        Map.of(
            "connect-string",
            server.getConnectString(),
            "namespace",
            "/contract/" + directory.getFileName()));
  }
}
