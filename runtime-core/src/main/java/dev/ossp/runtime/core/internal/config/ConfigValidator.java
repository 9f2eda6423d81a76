package dev.ossp.runtime.core.internal.config;

import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.config.ConfigType;
import dev.ossp.runtime.error.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts merged raw values against the declared keys. Every problem becomes one {@link Violation}
 * whose field is the dotted key and whose message names the value (masked for secrets), the source
 * and what is valid.
 */
public final class ConfigValidator {
  /** The text shown in place of a secret in messages and descriptions. */
  public static final String MASK = "****";

  private static final int MAX_SHOWN_LENGTH = 80;

  private ConfigValidator() {}

  /**
   * Validates every value of every source, so a bad value is reported even where a source of higher
   * precedence overrides it, and returns the configuration built from the winning values.
   *
   * @param rawValues the values in precedence order, lowest first
   */
  public static DefaultRuntimeConfig validate(
      List<RawValue> rawValues, KeyIndex keys, List<Violation> violations) {
    Map<List<String>, ConfiguredValue> values = new LinkedHashMap<>();
    for (RawValue raw : rawValues) {
      Optional<ConfigKey<?>> key = keys.keyFor(raw.path());
      if (key.isEmpty()) {
        violations.add(unknownKey(raw, keys));
        continue;
      }
      try {
        Object value = key.get().convert(raw.value());
        values.put(raw.path(), new ConfiguredValue(key.get(), raw.path(), value, raw.source()));
      } catch (IllegalArgumentException | ArithmeticException e) {
        violations.add(
            new Violation(
                raw.dottedName(),
                "invalid value '"
                    + shown(key.get(), raw.value())
                    + "' for "
                    + raw.dottedName()
                    + " (from "
                    + raw.source()
                    + "): "
                    + e.getMessage()));
      }
    }
    return new DefaultRuntimeConfig(values, keys);
  }

  /** Returns a converted value as text, or {@link #MASK} for a secret. */
  public static String printable(ConfigKey<?> key, Object value) {
    if (key.secret()) {
      return MASK;
    }
    @SuppressWarnings("unchecked")
    ConfigType<Object> type = (ConfigType<Object>) key.type();
    return type.format(value);
  }

  /** Returns a raw value as messages show it: masked for a secret, shortened when long. */
  public static String shown(ConfigKey<?> key, Object raw) {
    if (key.secret()) {
      return MASK;
    }
    String text = String.valueOf(raw);
    return text.length() <= MAX_SHOWN_LENGTH ? text : text.substring(0, MAX_SHOWN_LENGTH) + "...";
  }

  private static Violation unknownKey(RawValue raw, KeyIndex keys) {
    String name = raw.dottedName();
    StringBuilder message =
        new StringBuilder("unknown key '")
            .append(name)
            .append("' (from ")
            .append(raw.source())
            .append(")");
    boolean dottedSegment = raw.path().stream().anyMatch(segment -> segment.contains("."));
    if (dottedSegment && keys.keyFor(ConfigPaths.split(name)).isPresent()) {
      message
          .append("; write '")
          .append(name)
          .append("' as nested maps, because a YAML key that contains dots is one name segment");
    } else {
      keys.suggestFor(raw.path())
          .ifPresent(
              suggestion -> message.append("; did you mean '").append(suggestion).append("'?"));
    }
    return new Violation(name, message.toString());
  }
}
