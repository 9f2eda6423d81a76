package dev.ossp.runtime.mcp;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A tool a server offers, from {@code tools/list}. The hints come from the tool's {@code
 * annotations}; MCP defines them as hints from the server, not guarantees.
 *
 * @param name the tool's name, used in {@code tools/call}
 * @param title a display title, or null
 * @param description what the tool does, or null
 * @param inputSchemaJson the JSON Schema of the arguments, as JSON
 * @param outputSchemaJson the JSON Schema of {@code structuredContent}, as JSON, or null
 * @param readOnlyHint the {@code readOnlyHint} annotation, or null when absent
 * @param idempotentHint the {@code idempotentHint} annotation, or null when absent
 * @param destructiveHint the {@code destructiveHint} annotation, or null when absent
 * @param openWorldHint the {@code openWorldHint} annotation, or null when absent
 */
public record McpTool(
    String name,
    @Nullable String title,
    @Nullable String description,
    String inputSchemaJson,
    @Nullable String outputSchemaJson,
    @Nullable Boolean readOnlyHint,
    @Nullable Boolean idempotentHint,
    @Nullable Boolean destructiveHint,
    @Nullable Boolean openWorldHint) {

  /** Checks the name and input schema are present. */
  public McpTool {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inputSchemaJson, "inputSchemaJson");
  }

  /** The output schema as JSON. */
  public Optional<String> outputSchema() {
    return Optional.ofNullable(outputSchemaJson);
  }

  /**
   * Returns whether calling the tool twice is harmless, so a failed call may be retried: the tool
   * is annotated read-only or idempotent.
   */
  public boolean safeToRetry() {
    return Boolean.TRUE.equals(readOnlyHint) || Boolean.TRUE.equals(idempotentHint);
  }
}
