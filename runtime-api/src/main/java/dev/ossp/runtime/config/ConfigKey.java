package dev.ossp.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A declared configuration setting: its dotted name, type, default, valid range and a one-line
 * description. Components declare their keys through {@code RuntimeComponent.configKeys()}; the
 * runtime rejects any configured key that no component declared.
 *
 * <p>A name segment {@code *} matches one name chosen by the user, for example {@code
 * resilience.circuit-breakers.*.failure-threshold}; read it with {@link
 * RuntimeConfig#get(ConfigKey, String...)}.
 *
 * <p>Names are lower case, with segments of {@code [a-z0-9-]} separated by dots. In environment
 * variables the name is upper case with {@code _} for both {@code .} and {@code -} after the prefix
 * {@code OSSP_}, so {@code node.max-body-size} is {@code OSSP_NODE_MAX_BODY_SIZE}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <T> the Java type of the value
 */
public final class ConfigKey<T> {
  private final String name;
  private final List<String> segments;
  private final ConfigType<T> type;
  private final @Nullable T defaultValue;
  private final String description;
  private final boolean secret;
  private final List<Function<T, @Nullable String>> checks;

  private ConfigKey(Builder<T> builder) {
    this.name = builder.name;
    this.segments = List.of(builder.name.split("\\."));
    this.type = builder.type;
    this.defaultValue = builder.defaultValue;
    this.description = builder.description;
    this.secret = builder.secret;
    this.checks = List.copyOf(builder.checks);
  }

  /**
   * Starts a key of the given name and type.
   *
   * @throws IllegalArgumentException if the name is not dotted lower-case segments of {@code
   *     [a-z0-9-]} or {@code *}
   */
  public static <T> Builder<T> builder(String name, ConfigType<T> type) {
    return new Builder<>(name, type);
  }

  /** Starts a string key. */
  public static Builder<String> string(String name) {
    return builder(name, ConfigType.STRING);
  }

  /** Starts an integer key. */
  public static Builder<Integer> integer(String name) {
    return builder(name, ConfigType.INTEGER);
  }

  /** Starts a long key. */
  public static Builder<Long> longValue(String name) {
    return builder(name, ConfigType.LONG);
  }

  /** Starts a floating-point key. */
  public static Builder<Double> decimal(String name) {
    return builder(name, ConfigType.DOUBLE);
  }

  /** Starts a boolean key. */
  public static Builder<Boolean> bool(String name) {
    return builder(name, ConfigType.BOOLEAN);
  }

  /** Starts a duration key. */
  public static Builder<Duration> duration(String name) {
    return builder(name, ConfigType.DURATION);
  }

  /** Starts a size-in-bytes key. */
  public static Builder<Long> bytes(String name) {
    return builder(name, ConfigType.BYTES);
  }

  /** Starts a path key. */
  public static Builder<Path> path(String name) {
    return builder(name, ConfigType.PATH);
  }

  /** Starts a list-of-strings key. */
  public static Builder<List<String>> stringList(String name) {
    return builder(name, ConfigType.STRING_LIST);
  }

  /** Starts a key whose value is one of {@code allowed}. */
  public static Builder<String> oneOf(String name, Collection<String> allowed) {
    return builder(name, ConfigType.oneOf(allowed));
  }

  /** The dotted name, possibly with {@code *} segments. */
  public String name() {
    return name;
  }

  /** The name split at dots. */
  public List<String> segments() {
    return segments;
  }

  /** Returns whether the name has a {@code *} segment. */
  public boolean isPattern() {
    return segments.contains("*");
  }

  /** The value type. */
  public ConfigType<T> type() {
    return type;
  }

  /** The default; empty when the key has none and is unset unless configured. */
  public Optional<T> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** One line that says what the setting does, with its unit. */
  public String description() {
    return description;
  }

  /** Whether the value is a credential: never logged, printed as {@code ****}. */
  public boolean secret() {
    return secret;
  }

  /**
   * Converts and checks a raw value.
   *
   * @throws IllegalArgumentException with a message that says what is valid
   */
  public T convert(Object raw) {
    T value = type.convert(raw);
    for (Function<T, @Nullable String> check : checks) {
      String problem = check.apply(value);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
    return value;
  }

  /** Returns whether the concrete path {@code candidate} matches this key's name. */
  public boolean matches(List<String> candidate) {
    if (candidate.size() != segments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (!segment.equals("*") && !segment.equals(candidate.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the concrete path for this key with each {@code *} replaced, in order, by {@code
   * names}.
   *
   * @throws IllegalArgumentException if the number of names differs from the number of {@code *}
   */
  public List<String> resolve(String... names) {
    List<String> path = new ArrayList<>(segments.size());
    int next = 0;
    for (String segment : segments) {
      if (segment.equals("*")) {
        if (next >= names.length) {
          throw new IllegalArgumentException("key " + name + " needs a name for each '*'");
        }
        path.add(Objects.requireNonNull(names[next++], "names"));
      } else {
        path.add(segment);
      }
    }
    if (next != names.length) {
      throw new IllegalArgumentException(
          "key " + name + " has " + next + " '*' segments, but " + names.length + " names given");
    }
    return List.copyOf(path);
  }

  @Override
  public String toString() {
    return name + " (" + type.name() + ")";
  }

  /**
   * Builds a {@link ConfigKey}. Not thread-safe.
   *
   * @param <T> the Java type of the value
   */
  public static final class Builder<T> {
    private final String name;
    private final ConfigType<T> type;
    private @Nullable T defaultValue;
    private String description = "";
    private boolean secret;
    private final List<Function<T, @Nullable String>> checks = new ArrayList<>();

    private Builder(String name, ConfigType<T> type) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");

      if (!name.matches("([a-z0-9][a-z0-9-]*|\\*)(\\.([a-z0-9][a-z0-9-]*|\\*))*")) {
        throw new IllegalArgumentException(
            "config key name '" + name + "' must be dotted segments of [a-z0-9-] or '*'");
      }
      this.name = name;
      this.type = type;
    }

    /** Sets the default used when no source configures the key. */
    public Builder<T> defaultValue(T value) {
      this.defaultValue = Objects.requireNonNull(value, "value");
      return this;
    }

    /** Sets the one-line description, with the unit where there is one. */
    public Builder<T> description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /** Marks the value as a credential. */
    public Builder<T> secret() {
      this.secret = true;
      return this;
    }

    /** Adds a check that returns null for a valid value or a message that says what is valid. */
    public Builder<T> check(Function<T, @Nullable String> check) {
      checks.add(Objects.requireNonNull(check, "check"));
      return this;
    }

    /** Requires values of at least {@code min}. */
    public <C extends Comparable<? super C>> Builder<T> min(C min) {
      return check(value -> compare(value, min) < 0 ? "must be at least " + display(min) : null);
    }

    /** Requires values of at most {@code max}. */
    public <C extends Comparable<? super C>> Builder<T> max(C max) {
      return check(value -> compare(value, max) > 0 ? "must be at most " + display(max) : null);
    }

    /** Requires values in {@code min..max}, inclusive. */
    public <C extends Comparable<? super C>> Builder<T> range(C min, C max) {
      return check(
          value ->
              compare(value, min) < 0 || compare(value, max) > 0
                  ? "must be in " + display(min) + ".." + display(max)
                  : null);
    }

    @SuppressWarnings("unchecked")
    private static <C extends Comparable<? super C>> int compare(Object value, C bound) {
      return ((C) value).compareTo(bound);
    }

    private String display(Object bound) {
      if (bound instanceof Duration duration) {
        return ConfigType.DURATION.format(duration);
      }
      return String.valueOf(bound);
    }

    /**
     * Returns the key.
     *
     * @throws IllegalArgumentException if the default fails the key's checks
     */
    public ConfigKey<T> build() {
      ConfigKey<T> key = new ConfigKey<>(this);
      if (defaultValue != null) {
        for (Function<T, @Nullable String> check : checks) {
          String problem = check.apply(defaultValue);
          if (problem != null) {
            throw new IllegalArgumentException("default of " + name + " is invalid: " + problem);
          }
        }
      }
      return key;
    }
  }
}
