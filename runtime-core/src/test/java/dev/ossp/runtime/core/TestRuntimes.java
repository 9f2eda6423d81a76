package dev.ossp.runtime.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Builders for tests: no process environment or system properties, files under a temp dir. */
final class TestRuntimes {
  private TestRuntimes() {}

  /**
   * Returns a builder isolated from the machine: an empty environment and empty system properties,
   * no component discovery, data and plugins under {@code directory}, an ephemeral port, a short
   * drain on stop and no shutdown hook.
   */
  static OsspRuntime.Builder isolated(Path directory) {
    return OsspRuntime.builder()
        .environment(Map.of())
        .systemProperties(new Properties())
        .discoverComponents(false)
        .set("runtime.data-dir", directory.resolve("data").toString())
        .set("runtime.plugins-dir", directory.resolve("plugins").toString())
        .set("runtime.shutdown-hook", "false")
        .set("node.port", "0")
        .set("node.shutdown-timeout", "200ms");
  }

  /** Returns {@link #isolated} with the node disabled, for tests that need no HTTP server. */
  static OsspRuntime.Builder withoutNode(Path directory) {
    return isolated(directory).set("node.enabled", "false");
  }
}
