package dev.ossp.runtime.core.internal.config;

import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.error.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The four configuration sources, read but not yet validated. In increasing precedence: a YAML
 * file, {@code OSSP_*} environment variables, {@code ossp.*} system properties, and overrides set
 * in code.
 *
 * <p>Environment variables are matched against the declared keys only when the keys are known
 * ({@link #inPrecedenceOrder}), because their names cannot tell {@code .} from {@code -}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ConfigSources {
  /** Environment variables that configure the launcher, never treated as settings. */
  public static final Set<String> RESERVED_ENVIRONMENT =
      Set.of("OSSP_HOME", "OSSP_CONFIG_FILE", "OSSP_JAVA_OPTS");

  /** System properties that configure the launcher, never treated as settings. */
  public static final Set<String> RESERVED_PROPERTIES = Set.of("ossp.home", "ossp.config-file");

  /** The source name of values set in code. */
  public static final String OVERRIDE_SOURCE = "programmatic override";

  private final List<RawValue> file;
  private final Map<String, String> environment;
  private final List<RawValue> systemProperties;
  private final List<RawValue> overrides;

  private ConfigSources(
      List<RawValue> file,
      Map<String, String> environment,
      List<RawValue> systemProperties,
      List<RawValue> overrides) {
    this.file = List.copyOf(file);
    this.environment = Map.copyOf(environment);
    this.systemProperties = List.copyOf(systemProperties);
    this.overrides = List.copyOf(overrides);
  }

  /**
   * Reads the sources.
   *
   * @param configFile the YAML file, or null for none
   * @param environment the process environment; only {@code OSSP_*} variables are read
   * @param systemProperties the system properties; only {@code ossp.*} properties are read
   * @param overrides dotted key names to values, set in code
   * @throws dev.ossp.runtime.config.ConfigException if the file is missing or not valid YAML
   */
  public static ConfigSources load(
      @Nullable Path configFile,
      Map<String, String> environment,
      Properties systemProperties,
      Map<String, Object> overrides) {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(systemProperties, "systemProperties");
    Objects.requireNonNull(overrides, "overrides");

    List<RawValue> fileValues = configFile == null ? List.of() : YamlConfigFile.read(configFile);

    Map<String, String> variables = new TreeMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(ConfigPaths.ENVIRONMENT_PREFIX)
              && !RESERVED_ENVIRONMENT.contains(name)) {
            variables.put(name, value);
          }
        });

    List<RawValue> properties = new ArrayList<>();
    for (String name : new TreeMap<>(asStrings(systemProperties)).keySet()) {
      if (name.startsWith(ConfigPaths.PROPERTY_PREFIX) && !RESERVED_PROPERTIES.contains(name)) {
        properties.add(
            new RawValue(
                ConfigPaths.split(name.substring(ConfigPaths.PROPERTY_PREFIX.length())),
                systemProperties.getProperty(name),
                "system property " + name));
      }
    }

    List<RawValue> overrideValues = new ArrayList<>();
    overrides.forEach(
        (name, value) ->
            overrideValues.add(new RawValue(ConfigPaths.split(name), value, OVERRIDE_SOURCE)));

    return new ConfigSources(fileValues, variables, properties, overrideValues);
  }

  /**
   * Returns the winning raw value of a key without {@code *} segments, read before the full set of
   * keys is known (for {@code runtime.plugins-dir}, which decides which components exist).
   */
  public Optional<RawValue> winningValue(ConfigKey<?> key) {
    if (key.isPattern()) {
      throw new IllegalArgumentException("key " + key.name() + " has '*' segments");
    }
    RawValue winner = null;
    for (RawValue value : file) {
      if (value.path().equals(key.segments())) {
        winner = value;
      }
    }
    String variable = ConfigPaths.environmentName(key.name());
    String fromEnvironment = environment.get(variable);
    if (fromEnvironment != null) {
      winner = new RawValue(key.segments(), fromEnvironment, "environment " + variable);
    }
    for (RawValue value : systemProperties) {
      if (value.path().equals(key.segments())) {
        winner = value;
      }
    }
    for (RawValue value : overrides) {
      if (value.path().equals(key.segments())) {
        winner = value;
      }
    }
    return Optional.ofNullable(winner);
  }

  /**
   * Returns every value of every source, lowest precedence first, so a later value for the same
   * path wins. Environment variables that match no declared key add an "unknown key" violation.
   */
  public List<RawValue> inPrecedenceOrder(KeyIndex keys, List<Violation> violations) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(violations, "violations");

    List<RawValue> values = new ArrayList<>(file);
    environment.forEach(
        (variable, value) -> {
          Optional<List<String>> path = keys.pathForEnvironment(variable);
          if (path.isPresent()) {
            values.add(new RawValue(path.get(), value, "environment " + variable));
          } else {
            violations.add(
                new Violation(
                    variable,
                    "unknown key '"
                        + variable
                        + "' (from environment)"
                        + keys.suggestForEnvironment(variable)
                            .map(
                                name ->
                                    "; did you mean "
                                        + ConfigPaths.environmentName(name)
                                        + " ('"
                                        + name
                                        + "')?")
                            .orElse("")));
          }
        });
    values.addAll(systemProperties);
    values.addAll(overrides);
    return values;
  }

  private static Map<String, String> asStrings(Properties properties) {
    Map<String, String> strings = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      strings.put(name, properties.getProperty(name));
    }
    return strings;
  }
}
