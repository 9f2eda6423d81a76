package dev.ossp.runtime.mcp.internal.stdio;

import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpSpawnException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a stdio server's environment and resolves its command the way a POSIX shell does: a
 * command with a path separator is used as a path (relative ones against the working directory),
 * any other is looked up in each directory of the server's own {@code PATH}, in order, taking the
 * first regular executable file. On Windows each {@code PATHEXT} extension is tried as well.
 */
final class ProcessEnvironment {
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private ProcessEnvironment() {}

  /**
   * Returns the environment for {@code spec}: the base variables that {@code jvmEnvironment} has
   * (or all of it when the spec inherits the environment), then the spec's own variables.
   */
  static Map<String, String> environmentFor(
      McpServerSpec spec, Map<String, String> jvmEnvironment) {
    Map<String, String> environment = new LinkedHashMap<>();
    if (spec.inheritEnvironment()) {
      environment.putAll(jvmEnvironment);
    } else {
      for (String name : McpServerSpec.BASE_ENVIRONMENT) {
        String value = jvmEnvironment.get(name);
        if (value != null) {
          environment.put(name, value);
        }
      }
    }
    environment.putAll(spec.env());
    return environment;
  }

  /** Returns the working directory of the server: the spec's, or the JVM's. */
  static Path workingDirectoryFor(McpServerSpec spec) {
    Path directory = spec.workingDirectory().orElse(Path.of("").toAbsolutePath());
    if (!Files.isDirectory(directory)) {
      throw new McpSpawnException(
          spec.id(),
          "working directory '" + directory + "' does not exist or is not a directory",
          null);
    }
    return directory.toAbsolutePath();
  }

  /**
   * Returns the absolute path of the spec's command.
   *
   * @throws McpSpawnException naming the command and where it was looked for
   */
  static Path resolveCommand(
      McpServerSpec spec, Map<String, String> environment, Path workingDirectory) {
    String command = spec.command().orElseThrow();
    boolean hasSeparator = command.indexOf('/') >= 0 || (WINDOWS && command.indexOf('\\') >= 0);
    if (hasSeparator) {
      Path path = toPath(spec, command);
      Path absolute = path.isAbsolute() ? path : workingDirectory.resolve(path);
      if (!Files.exists(absolute)) {
        throw new McpSpawnException(
            spec.id(), "command '" + command + "' not found at " + absolute, null);
      }
      if (!isExecutableFile(absolute)) {
        throw new McpSpawnException(
            spec.id(),
            "command '" + command + "' at " + absolute + " is not an executable file",
            null);
      }
      return absolute.normalize();
    }
    String path = environment.getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator, -1)) {
      Path base = directory.isEmpty() ? workingDirectory : workingDirectory.resolve(directory);
      for (String candidateName : candidateNames(command, environment)) {
        Path candidate = base.resolve(candidateName);
        if (isExecutableFile(candidate)) {
          return candidate.toAbsolutePath().normalize();
        }
      }
    }
    throw new McpSpawnException(
        spec.id(),
        "command '"
            + command
            + "' was not found in the server's PATH ("
            + (path.isEmpty() ? "empty" : path)
            + "); give an absolute path or set PATH in the server's environment",
        null);
  }

  private static Path toPath(McpServerSpec spec, String command) {
    try {
      return Path.of(command);
    } catch (InvalidPathException e) {
      throw new McpSpawnException(spec.id(), "command '" + command + "' is not a valid path", e);
    }
  }

  private static List<String> candidateNames(String command, Map<String, String> environment) {
    List<String> names = new ArrayList<>();
    names.add(command);
    if (WINDOWS) {
      String extensions = Objects.requireNonNullElse(environment.get("PATHEXT"), ".COM;.EXE;.BAT");
      for (String extension : extensions.split(";")) {
        if (!extension.isBlank()) {
          names.add(command + extension.strip());
        }
      }
    }
    return names;
  }

  private static boolean isExecutableFile(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path);
  }
}
