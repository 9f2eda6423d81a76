package dev.ossp.runtime.core.internal.config;

import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.error.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declared configuration keys, looked up by path, by environment variable and by a likely typo.
 *
 * <p>A path matches a key without {@code *} segments exactly, or else the pattern key with the
 * fewest {@code *} segments that matches it. Instances are immutable and thread-safe.
 */
public final class KeyIndex {
  private final Map<String, ConfigKey<?>> byName;
  private final Map<String, String> ownerByName;
  private final Map<ConfigKey<?>, Pattern> environmentPatterns;

  private KeyIndex(Map<String, ConfigKey<?>> byName, Map<String, String> ownerByName) {
    this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    this.ownerByName = Map.copyOf(ownerByName);
    Map<ConfigKey<?>, Pattern> patterns = new LinkedHashMap<>();
    for (ConfigKey<?> key : byName.values()) {
      patterns.put(key, ConfigPaths.environmentPattern(key));
    }
    this.environmentPatterns = Collections.unmodifiableMap(patterns);
  }

  /**
   * Indexes the keys each owner (core or a component) declares. A name declared twice with two
   * different key objects adds a violation naming both owners; the first declaration is kept.
   */
  public static KeyIndex build(
      Map<String, List<ConfigKey<?>>> keysByOwner, List<Violation> violations) {
    Objects.requireNonNull(keysByOwner, "keysByOwner");
    Objects.requireNonNull(violations, "violations");

    Map<String, ConfigKey<?>> byName = new LinkedHashMap<>();
    Map<String, String> ownerByName = new LinkedHashMap<>();
    keysByOwner.forEach(
        (owner, keys) -> {
          for (ConfigKey<?> key : keys) {
            ConfigKey<?> existing = byName.get(key.name());
            if (existing == null) {
              byName.put(key.name(), key);
              ownerByName.put(key.name(), owner);
            } else if (existing != key) {
              violations.add(
                  new Violation(
                      key.name(),
                      "config key '"
                          + key.name()
                          + "' is declared twice: by "
                          + ownerByName.get(key.name())
                          + " and by "
                          + owner
                          + "; share one ConfigKey constant or rename one key"));
            }
          }
        });
    return new KeyIndex(byName, ownerByName);
  }

  /** Every declared key, in declaration order. */
  public Collection<ConfigKey<?>> keys() {
    return byName.values();
  }

  /** Returns the declared key named {@code name}, which may contain {@code *} segments. */
  public Optional<ConfigKey<?>> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Returns who declared the key named {@code name}: {@code the runtime core} or {@code component
   * 'x'}.
   */
  public Optional<String> ownerOf(String name) {
    return Optional.ofNullable(ownerByName.get(name));
  }

  /** Returns the key that a concrete path sets. */
  public Optional<ConfigKey<?>> keyFor(List<String> path) {
    ConfigKey<?> exact = byName.get(ConfigPaths.dotted(path));
    if (exact != null && !exact.isPattern() && exact.segments().equals(path)) {
      return Optional.of(exact);
    }
    ConfigKey<?> best = null;
    for (ConfigKey<?> key : byName.values()) {
      if (key.isPattern() && key.matches(path) && (best == null || stars(key) < stars(best))) {
        best = key;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Returns the path an environment variable such as {@code OSSP_NODE_PORT} sets, or empty when it
   * matches no declared key.
   */
  public Optional<List<String>> pathForEnvironment(String variable) {
    ConfigKey<?> best = null;
    List<String> bestPath = null;
    for (Map.Entry<ConfigKey<?>, Pattern> entry : environmentPatterns.entrySet()) {
      ConfigKey<?> key = entry.getKey();
      Matcher matcher = entry.getValue().matcher(variable);
      if (!matcher.matches() || (best != null && stars(key) >= stars(best))) {
        continue;
      }
      List<String> path = new ArrayList<>(key.segments().size());
      int group = 1;
      for (String segment : key.segments()) {
        path.add(
            segment.equals("*")
                ? ConfigPaths.segmentFromEnvironment(matcher.group(group++))
                : segment);
      }
      best = key;
      bestPath = path;
    }
    return Optional.ofNullable(bestPath);
  }

  /** Returns the declared name closest to a path that matched no key, if one is close. */
  public Optional<String> suggestFor(List<String> path) {
    List<String> candidates = new ArrayList<>();
    for (ConfigKey<?> key : byName.values()) {
      candidates.add(concretize(key, path));
    }
    return Suggestions.closest(ConfigPaths.dotted(path), candidates);
  }

  /**
   * Returns the key name closest to an environment variable that matched no key, if one is close;
   * keys with {@code *} segments are not suggested.
   */
  public Optional<String> suggestForEnvironment(String variable) {
    Map<String, String> nameByVariable = new LinkedHashMap<>();
    for (ConfigKey<?> key : byName.values()) {
      if (!key.isPattern()) {
        nameByVariable.put(ConfigPaths.environmentName(key.name()), key.name());
      }
    }
    return Suggestions.closest(variable.toUpperCase(Locale.ROOT), nameByVariable.keySet())
        .map(nameByVariable::get);
  }

  private static String concretize(ConfigKey<?> key, List<String> path) {
    if (!key.isPattern() || key.segments().size() != path.size()) {
      return key.name();
    }
    List<String> segments = new ArrayList<>(path.size());
    for (int i = 0; i < path.size(); i++) {
      String segment = key.segments().get(i);
      segments.add(segment.equals("*") ? path.get(i) : segment);
    }
    return ConfigPaths.dotted(segments);
  }

  private static int stars(ConfigKey<?> key) {
    int count = 0;
    for (String segment : key.segments()) {
      if (segment.equals("*")) {
        count++;
      }
    }
    return count;
  }
}
