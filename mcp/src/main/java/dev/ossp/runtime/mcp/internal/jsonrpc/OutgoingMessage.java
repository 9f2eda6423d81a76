package dev.ossp.runtime.mcp.internal.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A per-thread buffer and JSON generator that outgoing requests are written into, reused from one
 * request to the next so that encoding a request allocates nothing. The bytes stay valid until
 * {@link #release()}; the transport writes them out before that.
 *
 * <p>Not thread-safe: {@link #acquire()} hands each thread its own instance, and a fresh one if the
 * thread's instance is already in use (a request sent while another is being encoded).
 */
public final class OutgoingMessage extends OutputStream {
  private static final ThreadLocal<OutgoingMessage> CURRENT =
      ThreadLocal.withInitial(OutgoingMessage::new);
  private static final int INITIAL_SIZE = 1024;
  private static final int MAX_KEPT_SIZE = 64 * 1024;

  /** Parsers are replaced after this many documents, so their field-name tables stay small. */
  private static final int PARSER_REUSE_LIMIT = 4096;

  private final JsonGenerator generator;
  private byte[] bytes = new byte[INITIAL_SIZE];
  private int count;
  private boolean inUse;
  private boolean broken;
  private byte[] jsonBytes = new byte[256];
  private @Nullable JsonParser objectParser;
  private int objectParserUses;

  private OutgoingMessage() {
    try {
      generator = Json.MAPPER.getFactory().createGenerator(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    generator.setRootValueSeparator(null);
  }

  /** Returns this thread's message, emptied, or a new one if this thread's is in use. */
  static OutgoingMessage acquire() {
    OutgoingMessage message = CURRENT.get();
    if (message.inUse) {
      message = new OutgoingMessage();
    }
    message.inUse = true;
    message.count = 0;
    return message;
  }

  /** Ends the use of this message; its bytes may be overwritten from now on. */
  void release() {
    inUse = false;
    if (broken) {
      if (CURRENT.get() == this) {
        CURRENT.remove();
      }
      return;
    }
    if (bytes.length > MAX_KEPT_SIZE) {
      bytes = new byte[INITIAL_SIZE];
    }
  }

  /**
   * Marks the generator unusable after a write failed half-way; {@link #release()} then drops this
   * instance, so the thread gets a new one.
   */
  void discard() {
    broken = true;
  }

  /** The generator that writes into this message. */
  public JsonGenerator generator() {
    return generator;
  }

  /** Returns the buffer, whose first {@link #length()} bytes are the message. */
  byte[] buffer() {
    return bytes;
  }

  /** Returns the length of the message in bytes. */
  int length() {
    return count;
  }

  /**
   * Writes {@code json} as a raw value if it is one JSON object on one line of ASCII text, checked
   * with a reused parser; returns false, having written nothing, for anything else, which the
   * caller then parses and writes the slow way (and reports if invalid).
   */
  public boolean writeObjectIfPlain(String json) throws IOException {
    int start = 0;
    int end = json.length();
    while (start < end && isBlank(json.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(json.charAt(end - 1))) {
      end--;
    }
    int length = end - start;
    if (length < 2 || json.charAt(start) != '{') {
      return false;
    }
    if (jsonBytes.length < length) {
      jsonBytes = new byte[Math.max(length, jsonBytes.length * 2)];
    }
    for (int i = 0; i < length; i++) {
      char c = json.charAt(start + i);
      if (c >= 0x80 || c == '\n' || c == '\r') {
        return false;
      }
      jsonBytes[i] = (byte) c;
    }
    if (!isOneObject(jsonBytes, length)) {
      return false;
    }
    generator.writeRawValue(json, start, length);
    return true;
  }

  private boolean isOneObject(byte[] input, int length) throws IOException {
    JsonParser parser = objectParser;
    if (parser == null || objectParserUses >= PARSER_REUSE_LIMIT) {
      if (parser != null) {
        parser.close();
      }
      parser = Json.MAPPER.getFactory().createNonBlockingByteArrayParser();
      objectParser = parser;
      objectParserUses = 0;
    }
    objectParserUses++;
    ByteArrayFeeder feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    boolean clean = false;
    try {
      feeder.feedInput(input, 0, length);
      int depth = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.NOT_AVAILABLE && token != null) {
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd() && --depth == 0) {
          clean = feeder.needMoreInput();
          return clean;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    } finally {
      if (!clean) {
        parser.close();
        objectParser = null;
      }
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  @Override
  public void write(int b) {
    if (count == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[count++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    if (count + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + length));
    }
    System.arraycopy(source, offset, bytes, count, length);
    count += length;
  }
}
