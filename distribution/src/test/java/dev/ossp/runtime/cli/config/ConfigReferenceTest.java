package dev.ossp.runtime.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.core.CoreConfigKeys;
import dev.ossp.runtime.core.OsspRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReferenceTest {
  private static final ClassLoader LOADER = ConfigReferenceTest.class.getClassLoader();

  @TempDir Path directory;

  @Test
  void referenceLoadsWithoutErrorsAndKeepsDefaults() throws Exception {
    // given
    Path file = directory.resolve("runtime.yaml");
    Files.writeString(file, ConfigReference.installed(LOADER).render());

    // when
    try (OsspRuntime runtime = runtimeFor(file)) {
      RuntimeConfig config = runtime.config();

      // then
      assertThat(config.get(CoreConfigKeys.NODE_PORT)).isEqualTo(7070);
      assertThat(config.get(CoreConfigKeys.NODE_SHUTDOWN_TIMEOUT))
          .isEqualTo(Duration.ofSeconds(10));
      assertThat(config.get(CoreConfigKeys.NODE_MAX_BODY_SIZE)).isEqualTo(1024L * 1024);
      assertThat(config.isSet(CoreConfigKeys.NODE_PORT))
          .as("written as an active setting")
          .isTrue();
      assertThat(config.isSet(CoreConfigKeys.NODE_API_KEY)).as("no default, commented").isFalse();
      assertThat(config.sourceOf(CoreConfigKeys.NODE_PORT.segments()).orElseThrow())
          .contains("runtime.yaml");
    }
  }

  @Test
  void referenceNamesEveryInstalledComponentKey() {
    // given
    ConfigReference reference = ConfigReference.installed(LOADER);

    // when
    String text = reference.render();

    // then
    assertThat(reference.owners())
        .contains("the runtime core", "component 'discovery'", "component 'resilience'");
    assertThat(reference.keyNames()).containsAll(names(CoreConfigKeys.ALL));
    for (String name : reference.keyNames()) {
      String last = name.substring(name.lastIndexOf('.') + 1);
      String shown = last.equals("*") ? ConfigReference.EXAMPLE_NAME : last;
      assertThat(text).as("key %s", name).contains(shown + ":");
    }
  }

  @Test
  void patternKeysBecomeCommentedExamples() {
    // given
    String text = ConfigReference.installed(LOADER).render();

    // when
    List<String> exampleLines =
        text.lines().filter(line -> line.contains(ConfigReference.EXAMPLE_NAME + ":")).toList();

    // then
    assertThat(exampleLines).isNotEmpty();
    assertThat(exampleLines).allSatisfy(line -> assertThat(line.strip()).startsWith("#"));
    assertThat(text).doesNotContain("*:");
  }

  @Test
  void yamlValueQuotesWordsYamlWouldReadAsBooleans() {
    // given
    ConfigKey<String> key = ConfigKey.string("sample.mode").defaultValue("on").build();
    ConfigKey<List<String>> list =
        ConfigKey.stringList("sample.items").defaultValue(List.of("a", "b c")).build();

    // when
    String word = ConfigReference.yamlValue(key, "on");
    String items = ConfigReference.yamlValue(list, List.of("a", "b c"));

    // then
    assertThat(word).isEqualTo("\"on\"");
    assertThat(items).isEqualTo("[a, \"b c\"]");
  }

  private OsspRuntime runtimeFor(Path file) {
    return OsspRuntime.builder()
        .configFile(file)
        .environment(Map.of())
        .systemProperties(new Properties())
        .classLoader(LOADER)
        .build();
  }

  private static List<String> names(List<ConfigKey<?>> keys) {
    return keys.stream().map(ConfigKey::name).toList();
  }
}
