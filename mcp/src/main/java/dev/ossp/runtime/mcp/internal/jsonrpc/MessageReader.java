package dev.ossp.runtime.mcp.internal.jsonrpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.mcp.internal.transport.TransportListener;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads incoming messages from UTF-8 bytes for one reader thread. A response with a numeric id and
 * an object result is offered to {@link TransportListener#onResponse} first, whose result parser
 * may read it as a token stream; every other message, and a response the listener declines, is
 * parsed into a tree for {@link TransportListener#onMessage}.
 *
 * <p>The token stream comes from one reused non-blocking parser, so the common response costs no
 * parser, tree or id objects. The first pass over a line checks the whole message and reads its
 * envelope; the response's result is read in a second pass, because servers may put {@code result}
 * before {@code id}.
 *
 * <p>Not thread-safe: one reader thread owns an instance.
 */
public final class MessageReader {
  private static final long NO_ID = Long.MIN_VALUE;

  /** The parser is replaced after this many lines, so its field-name table stays small. */
  private static final int PARSER_REUSE_LIMIT = 4096;

  private final TransportListener listener;
  private @Nullable JsonParser parser;
  private @Nullable ByteArrayFeeder feeder;
  private int parserUses;
  private byte[] line = new byte[0];
  private int start;
  private int end;

  public MessageReader(TransportListener listener) {
    this.listener = listener;
  }

  /**
   * Delivers one message to the listener; the bytes are read only during the call.
   *
   * @return false, having delivered nothing, if the bytes are not one JSON object or array
   */
  public boolean read(byte[] buffer, int offset, int length) {
    int last = offset + length;
    while (last > offset && isBlank(buffer[last - 1])) {
      last--;
    }
    line = buffer;
    start = offset;
    end = last;
    long id = scanAnswerId();
    if (id != NO_ID && listener.onResponse(id, this)) {
      return true;
    }
    JsonNode message;
    try {
      message = tree();
    } catch (IOException e) {
      return false;
    }
    if (message == null || !(message.isObject() || message.isArray())) {
      return false;
    }
    listener.onMessage(message);
    return true;
  }

  /** Parses the current message into a tree. */
  JsonNode tree() throws IOException {
    return Json.parse(line, start, end - start);
  }

  /**
   * Reads the {@code result} of the current message, a response checked by {@link #read}, with
   * {@code resultParser}'s stream form.
   *
   * @return the parsed value, or null if the result parser asked for the tree form
   */
  <T> @Nullable T parseResult(StreamingResultParser<T> resultParser) throws IOException {
    JsonParser tokens = parser();
    boolean clean = false;
    try {
      feeder().feedInput(line, start, end);
      tokens.nextToken();
      JsonStreamContext envelope = tokens.getParsingContext();
      T value = null;
      while (tokens.nextToken() == JsonToken.FIELD_NAME) {
        String name = tokens.currentName();
        tokens.nextToken();
        if (name.equals("result")) {
          value = resultParser.parse(tokens);
          while (tokens.getParsingContext() != envelope) {
            JsonToken skipped = tokens.nextToken();
            if (skipped == null || skipped == JsonToken.NOT_AVAILABLE) {
              throw new IOException("the response ended inside its result");
            }
          }
        } else {
          tokens.skipChildren();
        }
      }
      clean = feeder().needMoreInput();
      return value;
    } finally {
      if (!clean) {
        discardParser();
      }
    }
  }

  /**
   * Checks the whole message and returns its id if it is a response that {@link #parseResult} can
   * read: an object with an integer id, an object result, and no method or error. Returns {@link
   * #NO_ID} otherwise, including for text that is not JSON.
   */
  private long scanAnswerId() {
    JsonParser tokens = parser();
    boolean clean = false;
    try {
      feeder().feedInput(line, start, end);
      if (tokens.nextToken() != JsonToken.START_OBJECT) {
        return NO_ID;
      }
      long id = NO_ID;
      boolean hasId = false;
      boolean hasResult = false;
      boolean other = false;
      JsonToken token;
      while ((token = tokens.nextToken()) == JsonToken.FIELD_NAME) {
        String name = tokens.currentName();
        JsonToken value = tokens.nextToken();
        if (value == JsonToken.NOT_AVAILABLE) {
          return NO_ID;
        }
        switch (name) {
          case "id" -> {
            other |= hasId || !isLong(tokens, value);
            hasId = true;
            id = other ? NO_ID : tokens.getLongValue();
            tokens.skipChildren();
          }
          case "result" -> {
            other |= hasResult || value != JsonToken.START_OBJECT;
            hasResult = true;
            tokens.skipChildren();
          }
          case "method", "error" -> {
            other = true;
            tokens.skipChildren();
          }
          default -> tokens.skipChildren();
        }
      }
      if (token != JsonToken.END_OBJECT) {
        return NO_ID;
      }
      clean = feeder().needMoreInput();
      return clean && hasId && hasResult && !other ? id : NO_ID;
    } catch (IOException e) {
      return NO_ID;
    } finally {
      if (!clean) {
        discardParser();
      }
    }
  }

  private static boolean isLong(JsonParser tokens, JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_NUMBER_INT) {
      return false;
    }
    JsonParser.NumberType type = tokens.getNumberType();
    return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
  }

  private JsonParser parser() {
    JsonParser current = parser;
    if (current != null && parserUses < PARSER_REUSE_LIMIT) {
      parserUses++;
      return current;
    }
    discardParser();
    try {
      current = Json.MAPPER.getFactory().createNonBlockingByteArrayParser();
    } catch (IOException e) {
      throw new IllegalStateException("Jackson cannot create a non-blocking parser", e);
    }
    parser = current;
    feeder = (ByteArrayFeeder) current.getNonBlockingInputFeeder();
    parserUses = 1;
    return current;
  }

  private ByteArrayFeeder feeder() {
    ByteArrayFeeder current = feeder;
    if (current == null) {
      throw new IllegalStateException("no parser");
    }
    return current;
  }

  private void discardParser() {
    JsonParser current = parser;
    parser = null;
    feeder = null;
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        // NOTE: closing a byte-array parser releases buffers only; it has no stream to fail.
      }
    }
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }
}
