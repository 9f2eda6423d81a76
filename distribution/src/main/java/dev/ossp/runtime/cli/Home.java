package dev.ossp.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the installation is: the directory the launcher passes as {@code -Dossp.home}, with {@code
 * conf/}, {@code examples/} and {@code bench/} inside. Without it (the CLI started from a plain
 * classpath) there is no installation, and commands that need one say so.
 */
final class Home {
  /** The system property the launcher sets to the installation directory. */
  static final String PROPERTY = "ossp.home";

  /** The environment variable that names a configuration file for every command. */
  static final String CONFIG_FILE_VARIABLE = "OSSP_CONFIG_FILE";

  private final @Nullable Path directory;
  private final Map<String, String> environment;

  Home(@Nullable Path directory, Map<String, String> environment) {
    this.directory = directory;
    this.environment = Map.copyOf(environment);
  }

  /** Returns the installation of this JVM: {@code -Dossp.home} and the process environment. */
  static Home current() {
    String home = System.getProperty(PROPERTY);
    return new Home(home == null || home.isBlank() ? null : Path.of(home), System.getenv());
  }

  /** The installation directory, when the launcher started the CLI. */
  Optional<Path> directory() {
    return Optional.ofNullable(directory);
  }

  /** The process environment. */
  Map<String, String> environment() {
    return environment;
  }

  /**
   * Returns the configuration file to use when {@code --config} is not given: {@code
   * $OSSP_CONFIG_FILE}, else the installation's {@code conf/runtime.yaml} when it exists.
   */
  Optional<Path> defaultConfigFile() {
    String fromEnvironment = environment.get(CONFIG_FILE_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(Path.of(fromEnvironment));
    }
    return directory()
        .map(home -> home.resolve("conf").resolve("runtime.yaml"))
        .filter(Files::isRegularFile);
  }

  /**
   * Returns the installation's subdirectory {@code name}, such as {@code examples}.
   *
   * @throws CliException if the CLI was not started by the launcher or the directory is missing
   */
  Path require(String name) {
    if (directory == null) {
      throw new CliException(
          "this command needs the installation's "
              + name
              + "/ directory, but the CLI was not started by bin/ossp-runtime (no -D"
              + PROPERTY
              + "); run it through the launcher of the unpacked distribution");
    }
    Path path = directory.resolve(name);
    if (!Files.isDirectory(path)) {
      throw new CliException(
          "the installation at "
              + directory
              + " has no "
              + name
              + "/ directory; unpack the tarball again");
    }
    return path;
  }
}
