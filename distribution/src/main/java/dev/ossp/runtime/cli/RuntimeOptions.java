package dev.ossp.runtime.cli;

import dev.ossp.runtime.core.OsspRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of every command that starts a runtime in this process: the configuration file and
 * single settings. Settings given with {@code --set} win over the file, {@code OSSP_*} environment
 * variables and {@code -Dossp.*} JVM options.
 */
public final class RuntimeOptions {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "YAML configuration file. Default: $OSSP_CONFIG_FILE, else conf/runtime.yaml of the"
              + " installation.")
  private @Nullable Path configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Sets one configuration value, such as --set node.port=8080; repeatable. Wins over every"
              + " other source.")
  private List<String> settings = new ArrayList<>();

  /** Returns the configuration file in effect, if any. */
  public Optional<Path> configFile(Home home) {
    if (configFile != null) {
      return Optional.of(configFile);
    }
    return home.defaultConfigFile();
  }

  /**
   * Returns a runtime builder with the configuration file and the {@code --set} values.
   *
   * @throws CliException with exit status 2 if the file is missing or a setting is not KEY=VALUE
   */
  public OsspRuntime.Builder builder(Home home) {
    OsspRuntime.Builder builder = OsspRuntime.builder().environment(home.environment());
    Optional<Path> file = configFile(home);
    if (file.isPresent()) {
      if (!Files.isRegularFile(file.get())) {
        throw CliException.usage(
            "configuration file '"
                + file.get()
                + "' does not exist; pass an existing YAML file with --config, or leave it out to"
                + " use the defaults");
      }
      builder.configFile(file.get());
    }
    for (String setting : settings) {
      int equals = setting.indexOf('=');
      if (equals <= 0) {
        throw CliException.usage(
            "invalid --set '" + setting + "': expected KEY=VALUE, such as --set node.port=8080");
      }
      builder.set(setting.substring(0, equals).strip(), setting.substring(equals + 1).strip());
    }
    return builder;
  }
}
