package dev.ossp.runtime.mcp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code tools/call}. A tool that failed answers with {@link #isError()} true and
 * says why in its content; the client reports that as this result, not as success and not as an
 * exception, unless the caller asks for one with {@link #orThrow}.
 *
 * @param content the content blocks, in order
 * @param structuredContentJson the {@code structuredContent} object as JSON, or null
 * @param isError whether the tool reported an error
 * @param metaJson the result's {@code _meta} object as JSON, or null
 */
public record McpToolResult(
    List<McpContent> content,
    @Nullable String structuredContentJson,
    boolean isError,
    @Nullable String metaJson) {

  /** Copies the content list. */
  public McpToolResult {
    content = List.copyOf(Objects.requireNonNull(content, "content"));
  }

  /** The {@code structuredContent} object as JSON. */
  public Optional<String> structuredContent() {
    return Optional.ofNullable(structuredContentJson);
  }

  /** Returns the text of every text block, joined by newlines. */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (McpContent block : content) {
      if (block instanceof McpContent.Text textBlock) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(textBlock.text());
      }
    }
    return text.toString();
  }

  /**
   * Returns this result, or throws when the tool reported an error.
   *
   * @throws McpToolException if {@link #isError()} is true
   */
  public McpToolResult orThrow(String serverId, String toolName) {
    if (isError) {
      throw new McpToolException(serverId, toolName, this);
    }
    return this;
  }
}
