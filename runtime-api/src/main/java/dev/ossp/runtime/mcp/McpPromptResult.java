package dev.ossp.runtime.mcp;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@code prompts/get}: the prompt's messages with the arguments filled in.
 *
 * @param description a description, or null
 * @param messages the messages, in order
 */
public record McpPromptResult(@Nullable String description, List<Message> messages) {
  /** Copies the messages. */
  public McpPromptResult {
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
  }

  /**
   * One message of a prompt.
   *
   * @param role {@code user} or {@code assistant}
   * @param content the message's content
   */
  public record Message(String role, McpContent content) {
    /** Checks both parts are present. */
    public Message {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(content, "content");
    }
  }
}
