package dev.ossp.runtime.core;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars for tests: compiles Java sources with the JDK's compiler against the
 * runtime API and packs the classes with {@code META-INF/services} entries.
 */
final class PluginJars {
  private PluginJars() {}

  /**
   * Compiles {@code sources} (class name to source text) and writes them into {@code jar} with a
   * services file per entry of {@code services} (service interface name to provider class names).
   */
  static Path build(
      Path jar, Path workDirectory, Map<String, String> sources, Map<String, List<String>> services)
      throws IOException {
    Path sourceRoot = Files.createTempDirectory(workDirectory, "src");
    Path classes = Files.createTempDirectory(workDirectory, "classes");
    List<String> arguments = new ArrayList<>();
    arguments.add("-d");
    arguments.add(classes.toString());
    arguments.add("-classpath");
    arguments.add(apiClasspath());
    arguments.add("--release");
    arguments.add("17");
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("tests need a JDK with javax.tools, not a JRE");
    }
    int status = compiler.run(null, null, null, arguments.toArray(new String[0]));
    if (status != 0) {
      throw new IllegalStateException("compiling the plugin sources failed with status " + status);
    }

    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
      for (Map.Entry<String, List<String>> service : services.entrySet()) {
        out.putNextEntry(new JarEntry("META-INF/services/" + service.getKey()));
        write(out, String.join("\n", service.getValue()) + "\n");
        out.closeEntry();
      }
    }
    return jar;
  }

  /** Returns the source of a backoff strategy named {@code name} that always waits {@code ms}. */
  static String fixedDelayBackoff(String className, String name, long millis) {
    int dot = className.lastIndexOf('.');
    return "package "
        + className.substring(0, dot)
        + ";\n"
        + "import dev.ossp.runtime.backoff.BackoffSettings;\n"
        + "import dev.ossp.runtime.backoff.BackoffStrategy;\n"
        + "import java.time.Duration;\n"
        + "import java.util.random.RandomGenerator;\n"
        + "public final class "
        + className.substring(dot + 1)
        + " implements BackoffStrategy {\n"
        + "  @Override public String name() { return \""
        + name
        + "\"; }\n"
        + "  @Override public Duration delay(int retry, Duration previous, BackoffSettings s,"
        + " RandomGenerator random) {\n"
        + "    return Duration.ofMillis("
        + millis
        + "L * retry);\n"
        + "  }\n"
        + "}\n";
  }

  private static String apiClasspath() {
    try {
      return Path.of(
              dev.ossp.runtime.backoff.BackoffStrategy.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
