package dev.ossp.runtime.cli.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the distribution's {@code lib/} directory: no artifact may be there twice (in two
 * versions, or under two file names), and no class may be in two jars, because the JVM would load
 * whichever jar comes first on the class path. The artifact of a jar is read from its {@code
 * META-INF/maven/<group>/<artifact>/pom.properties}, or from its file name when it has none. A
 * shaded jar, such as {@code curator-client}, also carries the pom.properties of the artifacts it
 * embeds under relocated packages; when one of its pom.properties names the artifact that the file
 * name starts with, only that one counts, and the class comparison still catches any class it
 * embeds without relocating.
 *
 * <p>A plugin directory, such as {@code plugins-available/zookeeper/}, is checked together with
 * {@code lib/}: its jars are loaded by a class loader whose parent is the class path of {@code
 * lib/}, so an artifact or class in both would be loaded from {@code lib/} and the plugin's copy
 * ignored, in whatever version {@code lib/} has.
 *
 * <p>Classes under {@code META-INF/versions/} and {@code module-info.class} are not compared,
 * because multi-release jars legitimately repeat them.
 *
 * <p>This class is thread-safe.
 */
public final class LibraryCheck {
  private static final Pattern FILE_NAME = Pattern.compile("(.+?)-(\\d[^-]*(?:-[A-Za-z]+)?)\\.jar");

  private LibraryCheck() {}

  /**
   * Checks the directory {@code args[0]}, then each further directory together with it, and fails
   * after listing every problem.
   *
   * @throws IOException if a jar cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: LibraryCheck LIB_DIRECTORY [PLUGIN_DIRECTORY...]");
    }
    Path directory = Path.of(args[0]);
    List<Path> pluginDirectories = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      pluginDirectories.add(Path.of(args[i]));
    }
    Set<String> problems = new LinkedHashSet<>(check(directory));
    for (Path pluginDirectory : pluginDirectories) {
      problems.addAll(check(directory, pluginDirectory));
    }
    if (!problems.isEmpty()) {
      StringBuilder message =
          new StringBuilder("the distribution's lib/ directory ")
              .append(directory)
              .append(pluginDirectories.isEmpty() ? "" : " with " + pluginDirectories)
              .append(" has ")
              .append(problems.size())
              .append(" problem(s); exclude the duplicate dependency in distribution/pom.xml:");
      for (String problem : problems) {
        message.append("\n  - ").append(problem);
      }
      throw new IllegalStateException(message.toString());
    }
    System.out.println("lib/ check passed: " + jars(directory).size() + " jars, no duplicates");
    for (Path pluginDirectory : pluginDirectories) {
      System.out.println(
          pluginDirectory.getFileName()
              + " check passed: "
              + jars(pluginDirectory).size()
              + " jars, none of them or their classes in lib/");
    }
  }

  /**
   * Returns the problems found in {@code directory}: one line per artifact found in several jars
   * and per class found in several jars; empty when there are none.
   *
   * @throws IOException if the directory or a jar cannot be read
   */
  public static List<String> check(Path directory) throws IOException {
    Objects.requireNonNull(directory, "directory");

    Map<Path, String> jars = new TreeMap<>();
    for (Path jar : jars(directory)) {
      jars.put(jar, jar.getFileName().toString());
    }
    return check(jars);
  }

  /**
   * Returns the problems found in {@code lib} and {@code pluginDirectory} taken together, with each
   * jar named by its path relative to the parent of {@code lib}, such as {@code
   * lib/guava-31.0.1-jre.jar}; empty when there are none.
   *
   * @throws IOException if a directory or a jar cannot be read
   */
  public static List<String> check(Path lib, Path pluginDirectory) throws IOException {
    Objects.requireNonNull(lib, "lib");
    Objects.requireNonNull(pluginDirectory, "pluginDirectory");

    Path base = lib.toAbsolutePath().normalize().getParent();
    Map<Path, String> jars = new TreeMap<>();
    for (Path directory : List.of(lib, pluginDirectory)) {
      for (Path jar : jars(directory)) {
        Path absolute = jar.toAbsolutePath().normalize();
        String name =
            base != null && absolute.startsWith(base)
                ? base.relativize(absolute).toString()
                : absolute.toString();
        jars.put(jar, name);
      }
    }
    return check(jars);
  }

  private static List<String> check(Map<Path, String> namedJars) throws IOException {
    Map<String, List<String>> jarsByArtifact = new TreeMap<>();
    Map<String, List<String>> jarsByClass = new TreeMap<>();
    for (Map.Entry<Path, String> namedJar : namedJars.entrySet()) {
      Path jar = namedJar.getKey();
      String jarName = namedJar.getValue();
      try (JarFile file = new JarFile(jar.toFile())) {
        for (String artifact : artifactsOf(file, jar.getFileName().toString())) {
          jarsByArtifact.computeIfAbsent(artifact, name -> new ArrayList<>()).add(jarName);
        }
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
          String name = entries.nextElement().getName();
          if (name.endsWith(".class")
              && !name.startsWith("META-INF/")
              && !name.endsWith("module-info.class")) {
            jarsByClass.computeIfAbsent(name, entry -> new ArrayList<>()).add(jarName);
          }
        }
      }
    }
    List<String> problems = new ArrayList<>();
    jarsByArtifact.forEach(
        (artifact, jars) -> {
          if (jars.size() > 1) {
            problems.add("artifact " + artifact + " is in " + String.join(" and ", jars));
          }
        });
    Map<String, Integer> duplicateClassesByJars = new TreeMap<>();
    jarsByClass.forEach(
        (name, jars) -> {
          if (jars.size() > 1) {
            duplicateClassesByJars.merge(String.join(" and ", jars), 1, Integer::sum);
          }
        });
    duplicateClassesByJars.forEach(
        (jars, count) -> problems.add(count + " class(es) are in both " + jars));
    return problems;
  }

  private static List<Path> jars(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new IOException(directory + " is not a directory");
    }
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.jar")) {
      entries.forEach(jars::add);
    }
    jars.sort(null);
    return jars;
  }

  /**
   * Returns {@code group:artifact} of the pom.properties whose artifact the file name starts with,
   * else of each pom.properties in the jar, else one from its name.
   */
  private static List<String> artifactsOf(JarFile file, String jarName) throws IOException {
    List<String> artifacts = new ArrayList<>();
    Enumeration<JarEntry> entries = file.entries();
    while (entries.hasMoreElements()) {
      JarEntry entry = entries.nextElement();
      if (entry.getName().startsWith("META-INF/maven/")
          && entry.getName().endsWith("/pom.properties")) {
        Properties properties = new Properties();
        try (InputStream in = file.getInputStream(entry)) {
          properties.load(in);
        }
        String group = properties.getProperty("groupId");
        String artifact = properties.getProperty("artifactId");
        if (group != null && artifact != null) {
          if (jarName.startsWith(artifact + "-")) {
            return List.of(group + ":" + artifact);
          }
          artifacts.add(group + ":" + artifact);
        }
      }
    }
    if (artifacts.isEmpty()) {
      Matcher matcher = FILE_NAME.matcher(jarName);
      artifacts.add(matcher.matches() ? matcher.group(1) : jarName);
    }
    return artifacts;
  }
}
