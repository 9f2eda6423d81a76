package dev.ossp.runtime.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Finds Node.js and the reference MCP filesystem server for the quickstart: an installed {@code
 * mcp-server-filesystem} on the PATH, else {@code npx -y @modelcontextprotocol/server-filesystem},
 * which fetches the package from the npm registry on first use.
 */
final class NodeJs {
  /** The oldest Node.js major version the reference MCP servers run on. */
  static final int MIN_MAJOR = 20;

  /** The npm package of the reference filesystem server. */
  static final String FILESYSTEM_PACKAGE = "@modelcontextprotocol/server-filesystem";

  private NodeJs() {}

  /**
   * What was found.
   *
   * @param problem why the server cannot start, in words a user can act on; null when it can
   * @param command the server's command, such as {@code npx}
   * @param prefixArgs the arguments before the allowed directories
   * @param description how the server is started, for the output
   */
  record Finding(
      @Nullable String problem,
      String command,
      java.util.List<String> prefixArgs,
      String description) {}

  /** Looks for Node.js and the filesystem server on the PATH of {@code environment}. */
  static Finding find(Map<String, String> environment) {
    Optional<Path> node = onPath("node", environment);
    if (node.isEmpty()) {
      return missing(
          "Node.js is not installed (no 'node' on the PATH). Install Node.js "
              + MIN_MAJOR
              + " or newer, for example the Debian package nodejs or a release from the Node.js"
              + " project, then run quickstart again.");
    }
    String version = version(node.get());
    int major = major(version);
    if (major < MIN_MAJOR) {
      return missing(
          "Node.js "
              + (version.isEmpty() ? "of unknown version" : version)
              + " at "
              + node.get()
              + " is too old; the MCP reference servers need Node.js "
              + MIN_MAJOR
              + " or newer.");
    }
    Optional<Path> installed = onPath("mcp-server-filesystem", environment);
    if (installed.isPresent()) {
      return new Finding(
          null,
          installed.get().toString(),
          java.util.List.of(),
          "the installed " + installed.get());
    }
    Optional<Path> npx = onPath("npx", environment);
    if (npx.isEmpty()) {
      return missing(
          "Node.js "
              + version
              + " is installed, but neither mcp-server-filesystem nor npx is on the PATH; install"
              + " npm (the Debian package npm), or run 'npm install -g "
              + FILESYSTEM_PACKAGE
              + "'.");
    }
    return new Finding(
        null,
        npx.get().toString(),
        java.util.List.of("-y", FILESYSTEM_PACKAGE),
        "npx -y " + FILESYSTEM_PACKAGE + " (Node.js " + version + ")");
  }

  private static Finding missing(String problem) {
    return new Finding(problem, "", java.util.List.of(), "");
  }

  /** Returns the first executable file named {@code name} in the PATH directories. */
  static Optional<Path> onPath(String name, Map<String, String> environment) {
    String path = environment.getOrDefault("PATH", "");
    for (String directory : path.split(java.io.File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Returns the output of {@code node --version}, such as {@code v20.20.2}; empty on failure. */
  private static String version(Path node) {
    try {
      Process process =
          new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "";
      }
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Returns the major version of {@code v20.1.0}; 0 when it cannot be read. */
  static int major(String version) {
    String digits = version.startsWith("v") ? version.substring(1) : version;
    int dot = digits.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? digits : digits.substring(0, dot));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
