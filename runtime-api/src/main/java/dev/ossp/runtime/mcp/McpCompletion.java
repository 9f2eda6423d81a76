package dev.ossp.runtime.mcp;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@code completion/complete}.
 *
 * @param values the suggested values, at most 100
 * @param total the number of matches in all, or -1 when the server did not say
 * @param hasMore whether there are more matches than {@code values}
 */
public record McpCompletion(List<String> values, long total, boolean hasMore) {
  /** Copies the values. */
  public McpCompletion {
    values = List.copyOf(Objects.requireNonNull(values, "values"));
  }
}
