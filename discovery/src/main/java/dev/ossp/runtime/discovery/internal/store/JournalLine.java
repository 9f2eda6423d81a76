package dev.ossp.runtime.discovery.internal.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.discovery.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * One line of the journal or a snapshot: a JSON object with the operation, key, revision, payload
 * (for puts) and a CRC-32C over all of them, so a line damaged by a crash is detected rather than
 * trusted.
 *
 * <pre>{"op":"put","key":"urn:agent:ai:x@1.0.0","rev":2,"payload":"...","crc":123}
 * {"op":"del","key":"urn:agent:ai:x@1.0.0","rev":2,"crc":456}</pre>
 */
final class JournalLine {
  /** What a line does. */
  enum Op {
    PUT("put"),
    DELETE("del");

    final String code;

    Op(String code) {
      this.code = code;
    }
  }

  /** A decoded line; {@code payload} is null for deletes. */
  record Decoded(Op op, String key, long revision, @Nullable String payload) {}

  private JournalLine() {}

  /** Returns the line for storing {@code payload} at {@code revision}, without the newline. */
  static byte[] put(String key, long revision, String payload) {
    return encode(Op.PUT, key, revision, payload);
  }

  /** Returns the line for deleting {@code key} at {@code revision}, without the newline. */
  static byte[] delete(String key, long revision) {
    return encode(Op.DELETE, key, revision, null);
  }

  private static byte[] encode(Op op, String key, long revision, @Nullable String payload) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(64 + key.length() + (payload == null ? 0 : payload.length()));
    try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("op", op.code);
      json.writeStringField("key", key);
      json.writeNumberField("rev", revision);
      if (payload != null) {
        json.writeStringField("payload", payload);
      }
      json.writeNumberField("crc", crc(op, key, revision, payload));
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a journal line", e);
    }
    return out.toByteArray();
  }

  /**
   * Decodes a line.
   *
   * @throws IOException saying what is wrong when the line is not a complete, intact line
   */
  static Decoded decode(byte[] bytes, int offset, int length) throws IOException {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(bytes, offset, length);
    } catch (IOException e) {
      String reason =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException json
              ? json.getOriginalMessage()
              : e.getMessage();
      throw new IOException("not a JSON object: " + reason, e);
    }
    if (node == null || !node.isObject()) {
      throw new IOException("not a JSON object");
    }
    JsonNode op = node.get("op");
    JsonNode key = node.get("key");
    JsonNode rev = node.get("rev");
    JsonNode crc = node.get("crc");
    if (op == null
        || key == null
        || rev == null
        || crc == null
        || !key.isTextual()
        || !rev.canConvertToLong()
        || !crc.canConvertToLong()) {
      throw new IOException("missing or mistyped op, key, rev or crc");
    }
    Op operation;
    if (Op.PUT.code.equals(op.asText())) {
      operation = Op.PUT;
    } else if (Op.DELETE.code.equals(op.asText())) {
      operation = Op.DELETE;
    } else {
      throw new IOException("unknown op '" + op.asText() + "'");
    }
    JsonNode payloadNode = node.get("payload");
    String payload = null;
    if (operation == Op.PUT) {
      if (payloadNode == null || !payloadNode.isTextual()) {
        throw new IOException("put without a payload");
      }
      payload = payloadNode.textValue();
    }
    long revision = rev.asLong();
    if (revision < 1) {
      throw new IOException("revision " + revision + " is below 1");
    }
    if (crc(operation, key.textValue(), revision, payload) != crc.asLong()) {
      throw new IOException("checksum mismatch");
    }
    return new Decoded(operation, key.textValue(), revision, payload);
  }

  private static long crc(Op op, String key, long revision, @Nullable String payload) {
    CRC32C crc = new CRC32C();
    crc.update(op.code.getBytes(StandardCharsets.UTF_8));
    crc.update(0);
    crc.update(key.getBytes(StandardCharsets.UTF_8));
    crc.update(0);
    crc.update(Long.toString(revision).getBytes(StandardCharsets.UTF_8));
    crc.update(0);
    if (payload != null) {
      crc.update(payload.getBytes(StandardCharsets.UTF_8));
    }
    return crc.getValue();
  }
}
