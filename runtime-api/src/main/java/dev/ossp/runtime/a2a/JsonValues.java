package dev.ossp.runtime.a2a;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Copies JSON-like values (maps with string keys, lists, strings, numbers, booleans and null) into
 * unmodifiable form, so the model's metadata and data parts are immutable.
 */
final class JsonValues {
  private JsonValues() {}

  /** Returns an unmodifiable deep copy of {@code map}, keeping its order. */
  static Map<String, Object> copyObject(Map<String, ?> map, String what) {
    Objects.requireNonNull(map, what);

    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> copy.put(Objects.requireNonNull(key, what + " key"), copy(value, what)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Object copy(@Nullable Object value, String what) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        if (!(key instanceof String)) {
          throw new IllegalArgumentException(what + " must have string keys, found " + key);
        }
      }
      return copyObject((Map<String, ?>) map, what);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        copy.add(copy(element, what));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        what
            + " values must be maps, lists, strings, numbers, booleans or null, found "
            + value.getClass().getName());
  }
}
