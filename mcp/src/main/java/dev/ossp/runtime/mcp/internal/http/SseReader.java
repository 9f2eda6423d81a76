package dev.ossp.runtime.mcp.internal.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Parses a {@code text/event-stream} as the HTML standard defines it: fields {@code event}, {@code
 * data}, {@code id} and {@code retry}, lines starting with a colon are comments, a blank line
 * dispatches the event. An event whose data grows beyond {@code maxDataChars} fails the stream.
 *
 * <p>Not thread-safe: one thread reads a stream.
 */
final class SseReader {
  private final BufferedReader reader;
  private final long maxDataChars;
  private @Nullable String id;
  private String event = "";
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private long retryMillis = -1;

  SseReader(InputStream input, long maxDataChars) {
    this.reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    this.maxDataChars = maxDataChars;
  }

  /** Reads events until the stream ends, passing each to {@code consumer}. */
  void readAll(Consumer<SseEvent> consumer) throws IOException {
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isEmpty()) {
        dispatch(consumer);
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      accept(field, value);
    }
    dispatch(consumer);
  }

  private void accept(String field, String value) throws IOException {
    switch (field) {
      case "event" -> event = value;
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
        if (data.length() > maxDataChars) {
          throw new IOException(
              "an SSE event has more than " + maxDataChars + " characters of data");
        }
      }
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          id = value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
          try {
            retryMillis = Long.parseLong(value);
          } catch (NumberFormatException e) {
            retryMillis = -1;
          }
        }
      }
      default -> {
        // Unknown fields are ignored, as the standard requires.
      }
    }
  }

  private void dispatch(Consumer<SseEvent> consumer) {
    if (hasData || id != null || retryMillis >= 0) {
      consumer.accept(
          new SseEvent(id, event.isEmpty() ? "message" : event, data.toString(), retryMillis));
    }
    event = "";
    data.setLength(0);
    hasData = false;
    retryMillis = -1;
    id = null;
  }
}
