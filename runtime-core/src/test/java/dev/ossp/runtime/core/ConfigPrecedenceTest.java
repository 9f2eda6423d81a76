package dev.ossp.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.config.RuntimeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPrecedenceTest {
  @TempDir Path directory;

  private Path yaml(String text) throws IOException {
    Path file = directory.resolve("runtime.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static Properties properties(String... namesAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
    }
    return properties;
  }

  @Test
  void fileValueAppliesWhenNothingElseSetsIt() throws IOException {
    // given
    Path file = yaml("node:\n  max-threads: 10\n");

    // when
    RuntimeConfig config = TestRuntimes.withoutNode(directory).configFile(file).build().config();

    // then
    assertThat(config.get(CoreConfigKeys.NODE_MAX_THREADS)).isEqualTo(10);
    assertThat(config.sourceOf(List.of("node", "max-threads"))).contains("file runtime.yaml");
  }

  @Test
  void environmentBeatsFile() throws IOException {
    // given
    Path file = yaml("node:\n  max-threads: 10\n");

    // when
    RuntimeConfig config =
        TestRuntimes.withoutNode(directory)
            .configFile(file)
            .environment(Map.of("OSSP_NODE_MAX_THREADS", "20"))
            .build()
            .config();

    // then
    assertThat(config.get(CoreConfigKeys.NODE_MAX_THREADS)).isEqualTo(20);
    assertThat(config.sourceOf(List.of("node", "max-threads")))
        .contains("environment OSSP_NODE_MAX_THREADS");
  }

  @Test
  void systemPropertyBeatsEnvironmentAndFile() throws IOException {
    // given
    Path file = yaml("node:\n  max-threads: 10\n");

    // when
    RuntimeConfig config =
        TestRuntimes.withoutNode(directory)
            .configFile(file)
            .environment(Map.of("OSSP_NODE_MAX_THREADS", "20"))
            .systemProperties(properties("ossp.node.max-threads", "30"))
            .build()
            .config();

    // then
    assertThat(config.get(CoreConfigKeys.NODE_MAX_THREADS)).isEqualTo(30);
    assertThat(config.sourceOf(List.of("node", "max-threads")))
        .contains("system property ossp.node.max-threads");
  }

  @Test
  void overrideBeatsEverySource() throws IOException {
    // given
    Path file = yaml("node:\n  max-threads: 10\n");

    // when
    RuntimeConfig config =
        TestRuntimes.withoutNode(directory)
            .configFile(file)
            .environment(Map.of("OSSP_NODE_MAX_THREADS", "20"))
            .systemProperties(properties("ossp.node.max-threads", "30"))
            .set("node.max-threads", 40)
            .build()
            .config();

    // then
    assertThat(config.get(CoreConfigKeys.NODE_MAX_THREADS)).isEqualTo(40);
    assertThat(config.sourceOf(List.of("node", "max-threads"))).contains("programmatic override");
  }

  @Test
  void unsetKeyReadsItsDefault() {
    // when
    RuntimeConfig config = TestRuntimes.withoutNode(directory).build().config();

    // then
    assertThat(config.get(CoreConfigKeys.NODE_IDLE_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.isSet(CoreConfigKeys.NODE_IDLE_TIMEOUT)).isFalse();
    assertThat(config.find(CoreConfigKeys.NODE_IDLE_TIMEOUT)).isEmpty();
  }

  @Test
  void reservedLauncherVariablesAreNotSettings() {
    // when
    RuntimeConfig config =
        TestRuntimes.withoutNode(directory)
            .environment(
                Map.of("OSSP_HOME", "/opt/ossp", "OSSP_CONFIG_FILE", "x", "OSSP_JAVA_OPTS", "-X"))
            .systemProperties(properties("ossp.home", "/opt/ossp", "ossp.config-file", "x"))
            .build()
            .config();

    // then
    assertThat(config.describe()).doesNotContainKeys("home", "config-file", "java.opts");
  }

  @Test
  void environmentFillsPatternSegmentWithDashes() {
    // given
    ConfigKey<Integer> threshold =
        ConfigKey.integer("test.breakers.*.failure-threshold").defaultValue(5).build();
    RecordingComponent component =
        new RecordingComponent("test", RecordingComponent.events()).keys(threshold);

    // when
    RuntimeConfig config =
        TestRuntimes.withoutNode(directory)
            .addComponent(component)
            .environment(Map.of("OSSP_TEST_BREAKERS_PAYMENTS_API_FAILURE_THRESHOLD", "7"))
            .build()
            .config();

    // then
    assertThat(config.children("test", "breakers")).containsExactly("payments-api");
    assertThat(config.get(threshold, "payments-api")).isEqualTo(7);
    assertThat(config.get(threshold, "other")).isEqualTo(5);
  }

  @Test
  void yamlMapKeyWithDotsStaysOneSegment() throws IOException {
    // given
    ConfigKey<Integer> weight = ConfigKey.integer("test.agents.*.weight").build();
    RecordingComponent component =
        new RecordingComponent("test", RecordingComponent.events()).keys(weight);
    Path file = yaml("test:\n  agents:\n    \"urn:agent:ai:planner.v2@1.0.0\":\n      weight: 3\n");

    // when
    RuntimeConfig config =
        TestRuntimes.withoutNode(directory)
            .addComponent(component)
            .configFile(file)
            .build()
            .config();

    // then
    assertThat(config.children("test", "agents")).containsExactly("urn:agent:ai:planner.v2@1.0.0");
    assertThat(config.get(weight, "urn:agent:ai:planner.v2@1.0.0")).isEqualTo(3);
  }

  @Test
  void yamlListIsOneValue() throws IOException {
    // given
    ConfigKey<List<String>> tags = ConfigKey.stringList("test.tags").build();
    RecordingComponent component =
        new RecordingComponent("test", RecordingComponent.events()).keys(tags);
    Path file = yaml("test:\n  tags: [alpha, beta]\n");

    // when
    RuntimeConfig config =
        TestRuntimes.withoutNode(directory)
            .addComponent(component)
            .configFile(file)
            .build()
            .config();

    // then
    assertThat(config.get(tags)).containsExactly("alpha", "beta");
  }

  @Test
  void describeMasksSecrets() {
    // when
    RuntimeConfig config =
        TestRuntimes.withoutNode(directory)
            .set("node.api-key", "correct-horse-battery-staple")
            .build()
            .config();

    // then
    assertThat(config.describe()).containsEntry("node.api-key", "****");
    assertThat(config.toString()).doesNotContain("correct-horse");
    assertThat(config.get(CoreConfigKeys.NODE_API_KEY)).isEqualTo("correct-horse-battery-staple");
  }
}
