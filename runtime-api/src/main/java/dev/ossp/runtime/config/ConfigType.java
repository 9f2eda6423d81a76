package dev.ossp.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a configuration value is written and read: its name in error messages, how raw values from
 * YAML, environment variables and system properties convert to it, and how it prints back.
 *
 * <p>Raw values are strings (from the environment and system properties) or what YAML produces:
 * strings, numbers, booleans and lists. Conversion errors are {@link IllegalArgumentException}s
 * whose message states what is valid; the runtime adds the key and the source.
 *
 * @param <T> the Java type of the value
 */
public abstract class ConfigType<T> {
  private static final Pattern DURATION_PATTERN =
      Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SIZE_PATTERN =
      Pattern.compile("(\\d+)\\s*(B|KB|KiB|MB|MiB|GB|GiB)?", Pattern.CASE_INSENSITIVE);

  /** Any string. */
  public static final ConfigType<String> STRING =
      new ConfigType<>("string", "any text") {
        @Override
        public String convert(Object raw) {
          if (raw instanceof Collection<?>) {
            throw new IllegalArgumentException("expected text, found a list");
          }
          return raw.toString();
        }
      };

  /** A 32-bit integer. */
  public static final ConfigType<Integer> INTEGER =
      new ConfigType<>("integer", "a whole number") {
        @Override
        public Integer convert(Object raw) {
          long value = LONG.convert(raw);
          if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("expected a 32-bit whole number");
          }
          return (int) value;
        }
      };

  /** A 64-bit integer. */
  public static final ConfigType<Long> LONG =
      new ConfigType<>("long", "a whole number") {
        @Override
        public Long convert(Object raw) {
          if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return ((Number) raw).longValue();
          }
          try {
            return Long.parseLong(scalar(raw).strip());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number");
          }
        }
      };

  /** A floating-point number. */
  public static final ConfigType<Double> DOUBLE =
      new ConfigType<>("number", "a number such as 0.5") {
        @Override
        public Double convert(Object raw) {
          if (raw instanceof Number number) {
            return number.doubleValue();
          }
          try {
            double value = Double.parseDouble(scalar(raw).strip());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
              throw new NumberFormatException();
            }
            return value;
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number such as 0.5");
          }
        }
      };

  /** {@code true} or {@code false}, in any case. */
  public static final ConfigType<Boolean> BOOLEAN =
      new ConfigType<>("boolean", "true or false") {
        @Override
        public Boolean convert(Object raw) {
          if (raw instanceof Boolean value) {
            return value;
          }
          String text = scalar(raw).strip().toLowerCase(Locale.ROOT);
          return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
          };
        }
      };

  /**
   * A duration written with a unit: {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}
   * (also {@code ns}, {@code us}), or ISO-8601 such as {@code PT5S}. A bare number is rejected,
   * because its unit would be a guess.
   */
  public static final ConfigType<Duration> DURATION =
      new ConfigType<>("duration", "a duration with a unit, such as 250ms, 5s, 2m, 1h or PT5S") {
        @Override
        public Duration convert(Object raw) {
          String text = scalar(raw).strip();
          Matcher matcher = DURATION_PATTERN.matcher(text);
          if (matcher.matches()) {
            long amount;
            try {
              amount = Long.parseLong(matcher.group(1));
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("duration '" + text + "' is too large");
            }
            return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
              case "ns" -> Duration.ofNanos(amount);
              case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1000L));
              case "ms" -> Duration.ofMillis(amount);
              case "s" -> Duration.ofSeconds(amount);
              case "m" -> Duration.ofMinutes(amount);
              case "h" -> Duration.ofHours(amount);
              default -> Duration.ofDays(amount);
            };
          }
          if (text.regionMatches(true, 0, "P", 0, 1)) {
            try {
              return Duration.parse(text);
            } catch (DateTimeParseException e) {
              throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration");
            }
          }
          if (text.matches("\\d+")) {
            throw new IllegalArgumentException(
                "'" + text + "' has no unit; write for example " + text + "ms or " + text + "s");
          }
          throw new IllegalArgumentException(
              "expected a duration with a unit, such as 250ms, 5s, 2m, 1h or PT5S");
        }

        @Override
        public String format(Duration value) {
          if (value.isZero()) {
            return "0s";
          }
          if (value.toNanosPart() % 1_000_000 != 0) {
            return value.toNanos() + "ns";
          }
          if (value.toNanosPart() != 0) {
            return value.toMillis() + "ms";
          }
          long seconds = value.getSeconds();
          if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
          }
          if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
          }
          if (seconds % 60 == 0) {
            return seconds / 60 + "m";
          }
          return seconds + "s";
        }
      };

  /**
   * A size in bytes: a bare number of bytes, or a number with {@code B}, {@code KB} (1000), {@code
   * KiB} (1024), {@code MB}, {@code MiB}, {@code GB} or {@code GiB}.
   */
  public static final ConfigType<Long> BYTES =
      new ConfigType<>("size", "a size such as 1048576, 512KiB or 1MiB") {
        @Override
        public Long convert(Object raw) {
          String text = scalar(raw).strip();
          Matcher matcher = SIZE_PATTERN.matcher(text);
          if (!matcher.matches()) {
            throw new IllegalArgumentException("expected a size such as 1048576, 512KiB or 1MiB");
          }
          long multiplier =
              switch (matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT)) {
                case "kb" -> 1000L;
                case "kib" -> 1024L;
                case "mb" -> 1000L * 1000;
                case "mib" -> 1024L * 1024;
                case "gb" -> 1000L * 1000 * 1000;
                case "gib" -> 1024L * 1024 * 1024;
                default -> 1L;
              };
          try {
            return Math.multiplyExact(Long.parseLong(matcher.group(1)), multiplier);
          } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("size '" + text + "' is too large");
          }
        }

        @Override
        public String format(Long value) {
          if (value != 0 && value % (1024L * 1024) == 0) {
            return value / (1024L * 1024) + "MiB";
          }
          if (value != 0 && value % 1024 == 0) {
            return value / 1024 + "KiB";
          }
          return value.toString();
        }
      };

  /** A file system path; relative paths are kept relative. */
  public static final ConfigType<Path> PATH =
      new ConfigType<>("path", "a file system path") {
        @Override
        public Path convert(Object raw) {
          String text = scalar(raw).strip();
          if (text.isEmpty()) {
            throw new IllegalArgumentException("expected a path, found an empty string");
          }
          try {
            return Path.of(text);
          } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid path");
          }
        }
      };

  /**
   * A list of strings: a YAML list, or a comma-separated string from an environment variable or
   * system property. Items are trimmed and empty items dropped.
   */
  public static final ConfigType<List<String>> STRING_LIST =
      new ConfigType<>("list", "a list, or comma-separated text") {
        @Override
        public List<String> convert(Object raw) {
          List<String> items = new ArrayList<>();
          if (raw instanceof Collection<?> collection) {
            for (Object item : collection) {
              if (item instanceof Collection<?> || item instanceof java.util.Map<?, ?>) {
                throw new IllegalArgumentException("expected a list of plain values");
              }
              items.add(String.valueOf(item).strip());
            }
          } else {
            for (String item : scalar(raw).split(",")) {
              items.add(item.strip());
            }
          }
          items.removeIf(String::isEmpty);
          return List.copyOf(items);
        }

        @Override
        public String format(List<String> value) {
          return String.join(",", value);
        }
      };

  private final String name;
  private final String expected;

  /**
   * Creates a type.
   *
   * @param name the type's name in messages and generated docs, such as {@code duration}
   * @param expected what a valid value looks like, such as {@code a duration with a unit}
   */
  protected ConfigType(String name, String expected) {
    this.name = Objects.requireNonNull(name, "name");
    this.expected = Objects.requireNonNull(expected, "expected");
  }

  /**
   * Returns a type whose values are one of {@code allowed}, compared case-insensitively and
   * returned in the case given here.
   */
  public static ConfigType<String> oneOf(Collection<String> allowed) {
    Set<String> values = new LinkedHashSet<>(allowed);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("allowed values must not be empty");
    }
    String list = String.join(", ", values);
    return new ConfigType<>("one of", "one of " + list) {
      @Override
      public String convert(Object raw) {
        String text = scalar(raw).strip();
        for (String value : values) {
          if (value.equalsIgnoreCase(text)) {
            return value;
          }
        }
        throw new IllegalArgumentException("expected one of " + list);
      }
    };
  }

  /** The type's name in messages, such as {@code duration}. */
  public final String name() {
    return name;
  }

  /** What a valid value looks like, for messages. */
  public final String expected() {
    return expected;
  }

  /**
   * Converts a raw value.
   *
   * @throws IllegalArgumentException when the value cannot be converted; the message says what is
   *     valid
   */
  public abstract T convert(Object raw);

  /** Prints a value in the form {@link #convert} reads back. */
  public String format(T value) {
    return String.valueOf(value);
  }

  /** Returns the value as a string, rejecting lists and maps. */
  protected static String scalar(Object raw) {
    if (raw instanceof Collection<?>) {
      throw new IllegalArgumentException("expected a single value, found a list");
    }
    if (raw instanceof java.util.Map<?, ?>) {
      throw new IllegalArgumentException("expected a single value, found a map");
    }
    return raw.toString();
  }

  @Override
  public String toString() {
    return name;
  }
}
