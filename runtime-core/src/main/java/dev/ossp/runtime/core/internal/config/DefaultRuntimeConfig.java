package dev.ossp.runtime.core.internal.config;

import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.config.RuntimeConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The validated configuration: one converted value per configured path, plus the declared keys for
 * defaults. Immutable and thread-safe.
 */
public final class DefaultRuntimeConfig implements RuntimeConfig {
  private final Map<List<String>, ConfiguredValue> values;
  private final KeyIndex keys;

  DefaultRuntimeConfig(Map<List<String>, ConfiguredValue> values, KeyIndex keys) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.keys = keys;
  }

  @Override
  public <T> T get(ConfigKey<T> key) {
    Objects.requireNonNull(key, "key");

    if (key.isPattern()) {
      throw new IllegalArgumentException(
          "key " + key.name() + " has '*' segments; read it with get(key, names...)");
    }
    return get(key, new String[0]);
  }

  @Override
  public <T> T get(ConfigKey<T> key, String... names) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(names, "names");

    return find(key, names)
        .or(key::defaultValue)
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "config key "
                        + ConfigPaths.dotted(key.resolve(names))
                        + " is not set and has no default"));
  }

  @Override
  public <T> Optional<T> find(ConfigKey<T> key, String... names) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(names, "names");

    checkDeclared(key);
    ConfiguredValue value = values.get(key.resolve(names));
    if (value == null) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    T typed = (T) value.value();
    return Optional.of(typed);
  }

  @Override
  public boolean isSet(ConfigKey<?> key, String... names) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(names, "names");

    checkDeclared(key);
    return values.containsKey(key.resolve(names));
  }

  @Override
  public Set<String> children(String... prefix) {
    Objects.requireNonNull(prefix, "prefix");

    List<String> start = List.of(prefix);
    Set<String> names = new TreeSet<>();
    for (List<String> path : values.keySet()) {
      if (path.size() > start.size() && path.subList(0, start.size()).equals(start)) {
        names.add(path.get(start.size()));
      }
    }
    return Collections.unmodifiableSet(names);
  }

  @Override
  public Map<String, String> describe() {
    Map<String, String> described = new TreeMap<>();
    for (ConfiguredValue value : values.values()) {
      described.put(ConfigPaths.dotted(value.path()), value.printable());
    }
    return Collections.unmodifiableMap(described);
  }

  @Override
  public Optional<String> sourceOf(List<String> path) {
    Objects.requireNonNull(path, "path");

    ConfiguredValue value = values.get(path);
    return value == null ? Optional.empty() : Optional.of(value.source());
  }

  /** Returns the configured value at {@code path}, with its key and source. */
  public Optional<ConfiguredValue> valueAt(List<String> path) {
    return Optional.ofNullable(values.get(List.copyOf(path)));
  }

  /** The declared keys. */
  public KeyIndex keys() {
    return keys;
  }

  private void checkDeclared(ConfigKey<?> key) {
    ConfigKey<?> declared =
        keys.byName(key.name())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "config key "
                            + key.name()
                            + " is not declared; add it to a component's configKeys()"));
    if (declared != key && !declared.type().name().equals(key.type().name())) {
      throw new IllegalArgumentException(
          "config key "
              + key.name()
              + " is declared as "
              + declared.type().name()
              + " but read as "
              + key.type().name());
    }
  }

  @Override
  public String toString() {
    return "RuntimeConfig" + describe();
  }
}
