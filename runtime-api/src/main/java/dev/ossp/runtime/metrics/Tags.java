package dev.ossp.runtime.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of metric dimensions, kept sorted by key so equal sets are equal however they
 * were built. Keys are {@code [a-z][a-z0-9_]*}; values are any non-null text.
 */
public final class Tags {
  private static final Tags EMPTY = new Tags(new TreeMap<>());

  private final Map<String, String> entries;

  private Tags(TreeMap<String, String> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** Returns tags without entries. */
  public static Tags empty() {
    return EMPTY;
  }

  /**
   * Returns tags from alternating keys and values: {@code Tags.of("target", urn, "outcome",
   * "success")}.
   *
   * @throws IllegalArgumentException on an odd count, a bad key or a repeated key
   */
  public static Tags of(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "tags need keys and values in pairs, got " + keysAndValues.length + " strings");
    }
    TreeMap<String, String> entries = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      put(entries, keysAndValues[i], keysAndValues[i + 1]);
    }
    return new Tags(entries);
  }

  /** Returns these tags plus {@code key=value}, replacing an existing value of {@code key}. */
  public Tags and(String key, String value) {
    TreeMap<String, String> copy = new TreeMap<>(entries);
    copy.remove(key);
    put(copy, key, value);
    return new Tags(copy);
  }

  private static void put(TreeMap<String, String> entries, String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (!key.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("tag key '" + key + "' must match [a-z][a-z0-9_]*");
    }
    if (entries.put(key, value) != null) {
      throw new IllegalArgumentException("tag key '" + key + "' is given twice");
    }
  }

  /** The entries, sorted by key. */
  public Map<String, String> asMap() {
    return entries;
  }

  /** Returns whether there are no entries. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Tags that && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
