package dev.ossp.runtime.a2a.internal.protocol;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An incremental parser of the {@code text/event-stream} format as the WHATWG HTML standard
 * (section 9.2.6, "Interpreting an event stream") defines it: lines end in LF, CR or CRLF, also
 * when a CRLF is split between two chunks; {@code data} lines of one event are joined with LF;
 * lines starting with a colon are comments; {@code event}, {@code id} and {@code retry} fields are
 * kept; a blank line dispatches the event; a leading byte order mark is skipped; an event left
 * incomplete at the end of the stream is dropped.
 *
 * <p>Feed it characters in chunks of any size, including one at a time. Not thread-safe.
 */
public final class SseParser {
  /**
   * One dispatched event.
   *
   * @param type the {@code event} field, {@code message} when absent
   * @param data the joined {@code data} lines
   * @param lastEventId the last {@code id} seen in the stream, or null
   * @param retry the last valid {@code retry} in milliseconds, or null
   */
  public record Event(
      String type, String data, @Nullable String lastEventId, @Nullable Long retry) {
    /** Checks the parts. */
    public Event {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(data, "data");
    }
  }

  private final StringBuilder line = new StringBuilder();
  private final StringBuilder data = new StringBuilder();
  private @Nullable String eventType;
  private @Nullable String lastEventId;
  private @Nullable Long retry;
  private boolean dataSeen;
  private boolean afterCarriageReturn;
  private boolean started;

  /** Parses {@code length} characters of {@code chunk} from {@code offset} into {@code out}. */
  public void feed(char[] chunk, int offset, int length, List<Event> out) {
    Objects.requireNonNull(chunk, "chunk");
    Objects.requireNonNull(out, "out");

    for (int i = offset; i < offset + length; i++) {
      char c = chunk[i];
      if (!started) {
        started = true;
        if (c == '\uFEFF') {
          continue;
        }
      }
      if (afterCarriageReturn) {
        afterCarriageReturn = false;
        if (c == '\n') {
          continue;
        }
      }
      if (c == '\r') {
        afterCarriageReturn = true;
        endLine(out);
      } else if (c == '\n') {
        endLine(out);
      } else {
        line.append(c);
      }
    }
  }

  /** Parses {@code text} into {@code out}. */
  public void feed(String text, List<Event> out) {
    feed(text.toCharArray(), 0, text.length(), out);
  }

  /** Whether a partial event or line is buffered; it is dropped at the end of the stream. */
  public boolean hasPartialEvent() {
    return line.length() > 0 || dataSeen || eventType != null;
  }

  private void endLine(List<Event> out) {
    if (line.length() == 0) {
      dispatch(out);
      return;
    }
    if (line.charAt(0) == ':') {
      line.setLength(0);
      return;
    }
    int colon = line.indexOf(":");
    String field;
    String value;
    if (colon < 0) {
      field = line.toString();
      value = "";
    } else {
      field = line.substring(0, colon);
      int start = colon + 1;
      if (start < line.length() && line.charAt(start) == ' ') {
        start++;
      }
      value = line.substring(start);
    }
    line.setLength(0);
    switch (field) {
      case "event" -> eventType = value;
      case "data" -> {
        data.append(value).append('\n');
        dataSeen = true;
      }
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastEventId = value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
          try {
            retry = Long.parseLong(value);
          } catch (NumberFormatException e) {
            // More digits than a long holds: ignored, as the standard says for invalid values.
          }
        }
      }
      default -> {
        // Unknown fields are ignored.
      }
    }
  }

  private void dispatch(List<Event> out) {
    if (!dataSeen) {
      eventType = null;
      return;
    }
    String payload = data.substring(0, data.length() - 1);
    out.add(new Event(eventType == null ? "message" : eventType, payload, lastEventId, retry));
    data.setLength(0);
    dataSeen = false;
    eventType = null;
  }
}
