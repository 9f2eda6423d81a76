package dev.ossp.runtime.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryCheckTest {
  @TempDir Path home;
  private Path lib;

  @BeforeEach
  void createLib() throws IOException {
    lib = Files.createDirectories(home.resolve("lib"));
  }

  @Test
  void distinctJarsPass() throws IOException {
    // given
    jar("alpha-1.0.jar", Map.of("com/example/alpha/A.class", "a"), "com.example", "alpha");
    jar("beta-2.0.jar", Map.of("com/example/beta/B.class", "b"), "com.example", "beta");

    // when / then
    assertThat(LibraryCheck.check(lib)).isEmpty();
  }

  @Test
  void twoVersionsOfOneArtifactFail() throws IOException {
    // given
    jar("alpha-1.0.jar", Map.of("com/example/alpha/A.class", "a"), "com.example", "alpha");
    jar("alpha-1.1.jar", Map.of("com/example/alpha/A2.class", "a"), "com.example", "alpha");

    // when
    var problems = LibraryCheck.check(lib);

    // then
    assertThat(problems)
        .containsExactly("artifact com.example:alpha is in alpha-1.0.jar and alpha-1.1.jar");
  }

  @Test
  void sameClassInTwoJarsFails() throws IOException {
    // given
    jar("alpha-1.0.jar", Map.of("com/example/Shared.class", "a"), "com.example", "alpha");
    jar("repackaged-3.0.jar", Map.of("com/example/Shared.class", "b"), "org.other", "repackaged");

    // when
    var problems = LibraryCheck.check(lib);

    // then
    assertThat(problems)
        .containsExactly("1 class(es) are in both alpha-1.0.jar and repackaged-3.0.jar");
  }

  @Test
  void jarWithoutPomPropertiesIsNamedByFileName() throws IOException {
    // given
    jar("gamma-1.0.jar", Map.of("g/One.class", "1"), null, null);
    jar("gamma-2.0.jar", Map.of("g/Two.class", "2"), null, null);

    // when
    var problems = LibraryCheck.check(lib);

    // then
    assertThat(problems).containsExactly("artifact gamma is in gamma-1.0.jar and gamma-2.0.jar");
  }

  @Test
  void distinctPluginJarsPass() throws IOException {
    // given
    Path plugin = pluginDirectory();
    jar("alpha-1.0.jar", Map.of("com/example/alpha/A.class", "a"), "com.example", "alpha");
    jar(plugin, "store-1.0.jar", Map.of("org/store/S.class", "s"), "org.store", "store");

    // when / then
    assertThat(LibraryCheck.check(lib, plugin)).isEmpty();
  }

  @Test
  void pluginArtifactInLibFails() throws IOException {
    // given: the same artifact in another version, with a class that moved
    Path plugin = pluginDirectory();
    jar("guava-31.0.jar", Map.of("com/google/Old.class", "a"), "com.google", "guava");
    jar(plugin, "guava-32.0.jar", Map.of("com/google/New.class", "b"), "com.google", "guava");

    // when
    var problems = LibraryCheck.check(lib, plugin);

    // then
    assertThat(problems)
        .containsExactly(
            "artifact com.google:guava is in lib/guava-31.0.jar and"
                + " plugins-available/zookeeper/guava-32.0.jar");
  }

  @Test
  void pluginClassInLibFails() throws IOException {
    // given: no pom.properties and distinct file names, so only the class gives it away
    Path plugin = pluginDirectory();
    jar("netty-all-4.1.jar", Map.of("io/netty/Buf.class", "a"), null, null);
    jar(plugin, "netty-buffer-4.1.jar", Map.of("io/netty/Buf.class", "b"), null, null);

    // when
    var problems = LibraryCheck.check(lib, plugin);

    // then
    assertThat(problems)
        .containsExactly(
            "1 class(es) are in both lib/netty-all-4.1.jar and"
                + " plugins-available/zookeeper/netty-buffer-4.1.jar");
  }

  @Test
  void shadedJarIsItsOwnArtifact() throws IOException {
    // given: a jar that embeds alpha under a relocated package, with alpha's pom.properties
    Path plugin = pluginDirectory();
    jar("alpha-1.0.jar", Map.of("com/example/alpha/A.class", "a"), "com.example", "alpha");
    jar(
        plugin,
        "shaded-2.0.jar",
        Map.of(
            "org/shaded/S.class",
            "s",
            "org/shaded/relocated/alpha/A.class",
            "a",
            "META-INF/maven/com.example/alpha/pom.properties",
            "groupId=com.example\nartifactId=alpha\nversion=1.0\n"),
        "org.shaded",
        "shaded");

    // when / then
    assertThat(LibraryCheck.check(lib, plugin)).isEmpty();
  }

  @Test
  void unrelocatedShadedClassFails() throws IOException {
    // given
    Path plugin = pluginDirectory();
    jar("alpha-1.0.jar", Map.of("com/example/alpha/A.class", "a"), "com.example", "alpha");
    jar(
        plugin,
        "shaded-2.0.jar",
        Map.of("org/shaded/S.class", "s", "com/example/alpha/A.class", "a"),
        "org.shaded",
        "shaded");

    // when
    var problems = LibraryCheck.check(lib, plugin);

    // then
    assertThat(problems)
        .containsExactly(
            "1 class(es) are in both lib/alpha-1.0.jar and plugins-available/zookeeper/shaded-2.0.jar");
  }

  private Path pluginDirectory() throws IOException {
    return Files.createDirectories(home.resolve("plugins-available/zookeeper"));
  }

  private void jar(String name, Map<String, String> entries, String group, String artifact)
      throws IOException {
    jar(lib, name, entries, group, artifact);
  }

  private static void jar(
      Path directory, String name, Map<String, String> entries, String group, String artifact)
      throws IOException {
    try (OutputStream file = Files.newOutputStream(directory.resolve(name));
        JarOutputStream jar = new JarOutputStream(file)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        jar.putNextEntry(new JarEntry(entry.getKey()));
        jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
      if (group != null) {
        jar.putNextEntry(
            new JarEntry("META-INF/maven/" + group + "/" + artifact + "/pom.properties"));
        jar.write(
            ("groupId=" + group + "\nartifactId=" + artifact + "\nversion=1\n")
                .getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
  }
}
