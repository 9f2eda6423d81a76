package dev.ossp.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.backoff.BackoffSettings;
import dev.ossp.runtime.backoff.BackoffStrategy;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.spi.StrategyKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoadingTest {
  private static final String BACKOFF_SERVICE = BackoffStrategy.class.getName();

  @TempDir Path directory;

  private Path plugins() {
    return directory.resolve("plugins");
  }

  private static List<String> messages(ConfigException e) {
    return e.violations().stream().map(Violation::message).toList();
  }

  @Test
  void backoffStrategyFromJarIsSelectedAndInjected() throws IOException {
    // given
    PluginJars.build(
        plugins().resolve("step-backoff.jar"),
        directory,
        Map.of(
            "com.example.step.StepBackoff",
            PluginJars.fixedDelayBackoff("com.example.step.StepBackoff", "step", 250)),
        Map.of(BACKOFF_SERVICE, List.of("com.example.step.StepBackoff")));

    // when
    try (OsspRuntime runtime =
        TestRuntimes.withoutNode(directory).set("strategies.backoff", "step").build()) {
      runtime.start();
      BackoffStrategy injected = runtime.instance(BackoffStrategy.class);

      // then
      assertThat(injected.getClass().getName()).isEqualTo("com.example.step.StepBackoff");
      assertThat(injected.getClass().getProtectionDomain().getCodeSource().getLocation().getPath())
          .endsWith("/plugins/step-backoff.jar");
      assertThat(runtime.strategies().selected(StrategyKind.BACKOFF)).isSameAs(injected);
      assertThat(runtime.strategies().origin(StrategyKind.BACKOFF, "step"))
          .contains("step-backoff.jar");
      assertThat(runtime.pluginJars()).containsExactly(plugins().resolve("step-backoff.jar"));
      assertThat(
              injected.delay(2, Duration.ZERO, BackoffSettings.DEFAULTS, new SplittableRandom(1)))
          .isEqualTo(Duration.ofMillis(500));
    }
  }

  @Test
  void componentFromJarIsDiscovered() throws IOException {
    // given
    String source =
        "package com.example.hello;\n"
            + "public final class HelloComponent implements"
            + " dev.ossp.runtime.component.RuntimeComponent {\n"
            + "  @Override public String name() { return \"hello\"; }\n"
            + "}\n";
    PluginJars.build(
        plugins().resolve("hello.jar"),
        directory,
        Map.of("com.example.hello.HelloComponent", source),
        Map.of(RuntimeComponent.class.getName(), List.of("com.example.hello.HelloComponent")));

    // when
    try (OsspRuntime runtime =
        TestRuntimes.withoutNode(directory).discoverComponents(true).build()) {
      runtime.start();

      // then
      assertThat(runtime.components()).containsExactly("hello");
      assertThat(runtime.health().components()).containsKey("hello");
    }
  }

  @Test
  void corruptJarIsNamed() throws IOException {
    // given
    Files.createDirectories(plugins());
    Files.writeString(plugins().resolve("broken.jar"), "this is not a zip file");
    OsspRuntime.Builder builder = TestRuntimes.withoutNode(directory);

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e)).hasSize(1);
    assertThat(messages(e).get(0)).startsWith("plugin jar 'broken.jar' is not a valid jar: ");
  }

  @Test
  void duplicateStrategyNameNamesBothClassesAndJars() throws IOException {
    // given
    PluginJars.build(
        plugins().resolve("a.jar"),
        directory,
        Map.of(
            "com.example.a.StepOne",
            PluginJars.fixedDelayBackoff("com.example.a.StepOne", "step", 1)),
        Map.of(BACKOFF_SERVICE, List.of("com.example.a.StepOne")));
    PluginJars.build(
        plugins().resolve("b.jar"),
        directory,
        Map.of(
            "com.example.b.StepTwo",
            PluginJars.fixedDelayBackoff("com.example.b.StepTwo", "step", 2)),
        Map.of(BACKOFF_SERVICE, List.of("com.example.b.StepTwo")));
    OsspRuntime.Builder builder = TestRuntimes.withoutNode(directory);

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(e.violations().get(0).field()).isEqualTo("strategies.backoff");
    assertThat(messages(e))
        .contains(
            "two backoff strategies are named 'step': com.example.a.StepOne (from a.jar) and"
                + " com.example.b.StepTwo (from b.jar); remove one of them or rename it");
  }

  @Test
  void duplicateOfBuiltInNamesClasspath() throws IOException {
    // given
    String source =
        "package com.example.cache;\n"
            + "import dev.ossp.runtime.cache.*;\n"
            + "public final class OtherCaffeine implements CacheStrategy {\n"
            + "  @Override public String name() { return \"caffeine\"; }\n"
            + "  @Override public <K, V> RuntimeCache<K, V> create(CacheSettings settings) {\n"
            + "    throw new UnsupportedOperationException();\n"
            + "  }\n"
            + "}\n";
    PluginJars.build(
        plugins().resolve("cache.jar"),
        directory,
        Map.of("com.example.cache.OtherCaffeine", source),
        Map.of("dev.ossp.runtime.cache.CacheStrategy", List.of("com.example.cache.OtherCaffeine")));
    OsspRuntime.Builder builder = TestRuntimes.withoutNode(directory);

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e))
        .containsExactly(
            "two cache strategies are named 'caffeine':"
                + " dev.ossp.runtime.core.internal.cache.CaffeineCacheStrategy (from classpath) and"
                + " com.example.cache.OtherCaffeine (from cache.jar); remove one of them or"
                + " rename it");
  }

  @Test
  void providerWhoseConstructorThrowsIsNamed() throws IOException {
    // given
    String source =
        "package com.example.bad;\n"
            + "public final class ExplodingBackoff extends com.example.bad.Base {\n"
            + "  public ExplodingBackoff() { throw new IllegalStateException(\"boom\"); }\n"
            + "}\n";
    String base =
        PluginJars.fixedDelayBackoff("com.example.bad.Base", "exploding", 1)
            .replace("public final class", "public class");
    PluginJars.build(
        plugins().resolve("bad.jar"),
        directory,
        Map.of("com.example.bad.ExplodingBackoff", source, "com.example.bad.Base", base),
        Map.of(BACKOFF_SERVICE, List.of("com.example.bad.ExplodingBackoff")));
    OsspRuntime.Builder builder = TestRuntimes.withoutNode(directory);

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e))
        .containsExactly(
            "provider com.example.bad.ExplodingBackoff of BackoffStrategy (listed in"
                + " META-INF/services of bad.jar) could not be instantiated:"
                + " java.lang.IllegalStateException: boom");
  }

  @Test
  void listedClassThatIsMissingIsNamed() throws IOException {
    // given
    PluginJars.build(
        plugins().resolve("missing.jar"),
        directory,
        Map.of(
            "com.example.ok.Fine", PluginJars.fixedDelayBackoff("com.example.ok.Fine", "fine", 1)),
        Map.of(BACKOFF_SERVICE, List.of("com.example.ok.Fine", "com.example.ok.Gone")));
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory).set("strategies.backoff", "fine");

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e))
        .containsExactly(
            "provider com.example.ok.Gone of BackoffStrategy (listed in META-INF/services of"
                + " missing.jar) failed to load: class com.example.ok.Gone not found");
  }

  @Test
  void invalidStrategyNameIsRejected() throws IOException {
    // given
    PluginJars.build(
        plugins().resolve("caps.jar"),
        directory,
        Map.of(
            "com.example.caps.Caps",
            PluginJars.fixedDelayBackoff("com.example.caps.Caps", "Step Up", 1)),
        Map.of(BACKOFF_SERVICE, List.of("com.example.caps.Caps")));
    OsspRuntime.Builder builder = TestRuntimes.withoutNode(directory);

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, builder::build);

    // then
    assertThat(messages(e))
        .containsExactly(
            "strategy com.example.caps.Caps (from caps.jar) has the invalid name 'Step Up';"
                + " names must match [a-z0-9][a-z0-9-]*");
  }

  @Test
  void missingPluginsDirectoryMeansNoPlugins() {
    // when
    try (OsspRuntime runtime =
        TestRuntimes.withoutNode(directory)
            .set("runtime.plugins-dir", directory.resolve("absent").toString())
            .build()) {

      // then
      assertThat(runtime.pluginJars()).isEmpty();
      assertThat(runtime.strategies().names(StrategyKind.CACHE))
          .containsExactly("caffeine", "none");
    }
  }
}
