package dev.ossp.runtime.cli.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the distribution's {@code lib/} directory: no artifact may be there twice (in two
 * versions, or under two file names), and no class may be in two jars, because the JVM would load
 * whichever jar comes first on the class path. The artifact of a jar is read from its {@code
 * META-INF/maven/<group>/<artifact>/pom.properties}, or from its file name when it has none.
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
   * Checks the directory {@code args[0]} and exits with status 1 after listing every problem.
   *
   * @throws IOException if a jar cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: LibraryCheck LIB_DIRECTORY");
    }
    Path directory = Path.of(args[0]);
    List<String> problems = check(directory);
    if (!problems.isEmpty()) {
      StringBuilder message =
          new StringBuilder("the distribution's lib/ directory ")
              .append(directory)
              .append(" has ")
              .append(problems.size())
              .append(" problem(s); exclude the duplicate dependency in distribution/pom.xml:");
      for (String problem : problems) {
        message.append("\n  - ").append(problem);
      }
      throw new IllegalStateException(message.toString());
    }
    System.out.println("lib/ check passed: " + jars(directory).size() + " jars, no duplicates");
  }

  /**
   * Returns the problems found in {@code directory}: one line per artifact found in several jars
   * and per class found in several jars; empty when there are none.
   *
   * @throws IOException if the directory or a jar cannot be read
   */
  public static List<String> check(Path directory) throws IOException {
    Objects.requireNonNull(directory, "directory");

    if (!Files.isDirectory(directory)) {
      throw new IOException(directory + " is not a directory");
    }
    Map<String, List<String>> jarsByArtifact = new TreeMap<>();
    Map<String, List<String>> jarsByClass = new TreeMap<>();
    for (Path jar : jars(directory)) {
      String jarName = jar.getFileName().toString();
      try (JarFile file = new JarFile(jar.toFile())) {
        for (String artifact : artifactsOf(file, jarName)) {
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
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.jar")) {
      entries.forEach(jars::add);
    }
    jars.sort(null);
    return jars;
  }

  /** Returns {@code group:artifact} of each pom.properties in the jar, else one from its name. */
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
