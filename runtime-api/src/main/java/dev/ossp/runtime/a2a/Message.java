package dev.ossp.runtime.a2a;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message between a client and an agent.
 *
 * @param messageId the sender's id of the message
 * @param role who wrote it
 * @param parts the content, at least one part
 * @param contextId the conversation the message belongs to, or null
 * @param taskId the task the message continues, or null
 * @param referenceTaskIds tasks the message refers to
 * @param metadata extra facts, as JSON-like values
 */
public record Message(
    String messageId,
    Role role,
    List<Part> parts,
    @Nullable String contextId,
    @Nullable String taskId,
    List<String> referenceTaskIds,
    Map<String, Object> metadata)
    implements SendResult, StreamEvent {

  /** Copies the lists and checks that there is a part. */
  public Message {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(role, "role");
    parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
    referenceTaskIds = List.copyOf(Objects.requireNonNull(referenceTaskIds, "referenceTaskIds"));
    metadata = JsonValues.copyObject(metadata, "metadata");
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a message needs at least one part");
    }
  }

  /** Returns a user message with one text part and a random id. */
  public static Message userText(String text) {
    return user(List.of(TextPart.of(text)));
  }

  /** Returns a user message with the given parts and a random id. */
  public static Message user(List<Part> parts) {
    return new Message(
        UUID.randomUUID().toString(), Role.USER, parts, null, null, List.of(), Map.of());
  }

  /** Returns this message in the conversation {@code contextId} continuing {@code taskId}. */
  public Message inTask(@Nullable String contextId, @Nullable String taskId) {
    return new Message(messageId, role, parts, contextId, taskId, referenceTaskIds, metadata);
  }

  /** Returns this message with {@code metadata} replacing the current metadata. */
  public Message withMetadata(Map<String, ?> metadata) {
    return new Message(
        messageId,
        role,
        parts,
        contextId,
        taskId,
        referenceTaskIds,
        JsonValues.copyObject(metadata, "metadata"));
  }

  /** Returns the text of every text part, joined by line breaks. */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof TextPart textPart) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(textPart.text());
      }
    }
    return text.toString();
  }

  /** The conversation id. */
  public Optional<String> context() {
    return Optional.ofNullable(contextId);
  }
}
