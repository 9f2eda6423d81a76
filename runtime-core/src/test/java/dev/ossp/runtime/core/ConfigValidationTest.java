package dev.ossp.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.error.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidationTest {
  @TempDir Path directory;

  private Path yaml(String text) throws IOException {
    Path file = directory.resolve("runtime.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static List<String> messages(ConfigException e) {
    return e.violations().stream().map(Violation::message).toList();
  }

  @Test
  void unknownKeySuggestsClosestKey() throws IOException {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory).configFile(yaml("node:\n  prot: 8080\n"));

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(e.violations()).hasSize(1);
    assertThat(e.violations().get(0).field()).isEqualTo("node.prot");
    assertThat(e.violations().get(0).message())
        .isEqualTo("unknown key 'node.prot' (from file runtime.yaml); did you mean 'node.port'?");
  }

  @Test
  void unknownKeyWithoutCloseKeyHasNoHint() throws IOException {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory).configFile(yaml("telemetry:\n  exporter: otlp\n"));

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e))
        .containsExactly("unknown key 'telemetry.exporter' (from file runtime.yaml)");
  }

  @Test
  void unknownEnvironmentVariableSuggestsClosestVariable() {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory).environment(Map.of("OSSP_NODE_PROT", "8080"));

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e))
        .containsExactly(
            "unknown key 'OSSP_NODE_PROT' (from environment); did you mean OSSP_NODE_PORT"
                + " ('node.port')?");
  }

  @Test
  void dottedYamlKeyExplainsNesting() throws IOException {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory).configFile(yaml("node.max-threads: 9\n"));

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e)).hasSize(1);
    assertThat(messages(e).get(0))
        .startsWith("unknown key 'node.max-threads' (from file runtime.yaml); write")
        .contains("as nested maps");
  }

  @Test
  void wrongTypeNamesValueSourceAndExpectation() {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory).environment(Map.of("OSSP_NODE_MAX_THREADS", "abc"));

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(e.violations().get(0).field()).isEqualTo("node.max-threads");
    assertThat(messages(e))
        .containsExactly(
            "invalid value 'abc' for node.max-threads (from environment OSSP_NODE_MAX_THREADS):"
                + " expected a whole number");
  }

  @Test
  void outOfRangeNamesValidRange() {
    // given
    Properties properties = new Properties();
    properties.setProperty("ossp.node.max-threads", "2");
    OsspRuntime.Builder builder = TestRuntimes.withoutNode(directory).systemProperties(properties);

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e))
        .containsExactly(
            "invalid value '2' for node.max-threads (from system property ossp.node.max-threads):"
                + " must be in 8..1000");
  }

  @Test
  void overriddenBadValueIsStillReported() throws IOException {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory)
            .configFile(yaml("node:\n  port: 70000\n"))
            .set("node.port", "0");

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e))
        .containsExactly(
            "invalid value '70000' for node.port (from file runtime.yaml): must be in 0..65535");
  }

  @Test
  void unknownStrategyListsKnownNames() {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory).set("strategies.cache", "redis");

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(e.violations().get(0).field()).isEqualTo("strategies.cache");
    assertThat(messages(e))
        .containsExactly(
            "unknown cache strategy 'redis' for strategies.cache (from programmatic override);"
                + " known: caffeine, none");
  }

  @Test
  void configuredStrategyOfUninstalledKindFails() {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory).set("strategies.backoff", "exponential");

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e))
        .containsExactly(
            "unknown backoff strategy 'exponential' for strategies.backoff (from programmatic"
                + " override); no backoff strategies are installed");
  }

  @Test
  void missingFileNamesPath() {
    // given
    Path missing = directory.resolve("absent.yaml");
    OsspRuntime.Builder builder = TestRuntimes.withoutNode(directory).configFile(missing);

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(e.violations().get(0).field()).isEqualTo("config-file");
    assertThat(messages(e))
        .containsExactly(
            "config file '" + missing + "' not found; pass an existing YAML file or none");
  }

  @Test
  void yamlSyntaxErrorNamesFileAndLine() throws IOException {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory)
            .configFile(yaml("node:\n  port: 8080\n   host: [unclosed\n"));

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e)).hasSize(1);
    assertThat(messages(e).get(0)).startsWith("invalid YAML in file runtime.yaml at line 3");
  }

  @Test
  void duplicateYamlKeyIsSyntaxError() throws IOException {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory).configFile(yaml("node:\n  port: 1\n  port: 2\n"));

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e).get(0)).startsWith("invalid YAML in file runtime.yaml").contains("port");
  }

  @Test
  void topLevelListIsRejected() throws IOException {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory).configFile(yaml("- node\n- port\n"));

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e))
        .containsExactly(
            "invalid YAML in file runtime.yaml: expected a map of settings at the top level,"
                + " found a list");
  }

  @Test
  void secretValueIsNeverPrinted() {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory).set("node.api-key", "hunter2");

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e))
        .containsExactly(
            "invalid value '****' for node.api-key (from programmatic override): must be at least"
                + " 16 characters");
    assertThat(e.getMessage()).doesNotContain("hunter2");
    assertThat(e.toString()).doesNotContain("hunter2");
  }

  @Test
  void everyProblemIsReportedAtOnce() throws IOException {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory)
            .configFile(yaml("node:\n  prot: 1\n  idle-timeout: 5\n"))
            .environment(Map.of("OSSP_LOG_FORMAT", "xml"));

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(e.violations())
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("node.prot", "node.idle-timeout", "log.format");
    assertThat(e.getMessage()).startsWith("invalid configuration (3 problems):");
    assertThat(messages(e))
        .contains(
            "invalid value '5' for node.idle-timeout (from file runtime.yaml): '5' has no unit;"
                + " write for example 5ms or 5s",
            "invalid value 'xml' for log.format (from environment OSSP_LOG_FORMAT): expected one"
                + " of text, json");
  }

  @Test
  void pluginsDirectoryThatIsFileFails() throws IOException {
    // given
    Path file = Files.writeString(directory.resolve("not-a-dir"), "x");
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory).set("runtime.plugins-dir", file.toString());

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e))
        .containsExactly(
            "plugins directory '"
                + file
                + "' (from programmatic override) is a file; set runtime.plugins-dir to a"
                + " directory");
  }
}
