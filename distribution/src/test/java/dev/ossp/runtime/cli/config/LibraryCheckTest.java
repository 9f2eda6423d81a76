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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryCheckTest {
  @TempDir Path lib;

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

  private void jar(String name, Map<String, String> entries, String group, String artifact)
      throws IOException {
    try (OutputStream file = Files.newOutputStream(lib.resolve(name));
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
