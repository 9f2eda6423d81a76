package dev.ossp.runtime.a2a;

import java.util.Map;
import java.util.Objects;

/**
 * A structured data part: a JSON object.
 *
 * @param data the object, as maps, lists, strings, numbers, booleans and nulls
 * @param metadata extra facts, as JSON-like values
 */
public record DataPart(Map<String, Object> data, Map<String, Object> metadata) implements Part {
  /** Copies the data and metadata. */
  public DataPart {
    Objects.requireNonNull(data, "data");
    data = JsonValues.copyObject(data, "data");
    metadata = JsonValues.copyObject(metadata, "metadata");
  }

  /** Returns a data part without metadata. */
  public static DataPart of(Map<String, ?> data) {
    return new DataPart(JsonValues.copyObject(data, "data"), Map.of());
  }
}
