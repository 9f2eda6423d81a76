package dev.ossp.runtime.core.internal.config;

import dev.ossp.runtime.config.ConfigKey;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Conversions between key paths, dotted names and environment variable names. */
public final class ConfigPaths {
  /** The prefix of configuration environment variables. */
  public static final String ENVIRONMENT_PREFIX = "OSSP_";

  /** The prefix of configuration system properties. */
  public static final String PROPERTY_PREFIX = "ossp.";

  private static final String STAR_IN_ENVIRONMENT = "([A-Z0-9]+(?:_[A-Z0-9]+)*)";

  private ConfigPaths() {}

  /** Returns the path joined with dots. */
  public static String dotted(List<String> path) {
    return String.join(".", path);
  }

  /** Splits a dotted name into segments, keeping empty segments so they are reported. */
  public static List<String> split(String dottedName) {
    return List.of(dottedName.split("\\.", -1));
  }

  /** Returns the environment variable that sets a key without {@code *} segments. */
  public static String environmentName(String dottedName) {
    return ENVIRONMENT_PREFIX
        + dottedName.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * Returns a pattern that matches the environment variables of {@code key}; each {@code *} segment
   * is a capturing group of upper-case words joined by {@code _}.
   */
  public static Pattern environmentPattern(ConfigKey<?> key) {
    StringBuilder regex = new StringBuilder(Pattern.quote(ENVIRONMENT_PREFIX));
    List<String> segments = key.segments();
    for (int i = 0; i < segments.size(); i++) {
      if (i > 0) {
        regex.append('_');
      }
      String segment = segments.get(i);
      if (segment.equals("*")) {
        regex.append(STAR_IN_ENVIRONMENT);
      } else {
        regex.append(Pattern.quote(segment.toUpperCase(Locale.ROOT).replace('-', '_')));
      }
    }
    return Pattern.compile(regex.toString());
  }

  /**
   * Returns the name segment an environment variable gives for a {@code *}: lower case, with {@code
   * _} read as {@code -}, since names with dots or underscores can only be set in YAML.
   */
  public static String segmentFromEnvironment(String text) {
    return text.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
