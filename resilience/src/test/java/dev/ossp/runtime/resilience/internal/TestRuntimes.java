package dev.ossp.runtime.resilience.internal;

import dev.ossp.runtime.core.OsspRuntime;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Builders of real runtimes for this module's tests, isolated from the machine's settings. */
final class TestRuntimes {
  private TestRuntimes() {}

  /**
   * Returns a builder whose runtime keeps its files under {@code directory}, ignores the
   * environment and system properties, installs no shutdown hook and starts no node.
   */
  static OsspRuntime.Builder withoutNode(Path directory) {
    return OsspRuntime.builder()
        .environment(Map.of())
        .systemProperties(new Properties())
        .set("runtime.data-dir", directory.resolve("data").toString())
        .set("runtime.plugins-dir", directory.resolve("plugins").toString())
        .set("runtime.shutdown-hook", "false")
        .set("node.enabled", "false");
  }
}
