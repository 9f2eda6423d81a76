package dev.ossp.runtime.mcp.internal.stdio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Splits a byte stream into newline-terminated lines of at most {@code maxLineSize} bytes. Bytes
 * are collected until the line feed before anything is decoded, so a UTF-8 character split across
 * reads arrives whole. A trailing carriage return is dropped and blank lines are skipped. A longer
 * line is skipped without being stored; only its first and last bytes are kept, to find the request
 * id it answers.
 *
 * <p>Not thread-safe: one reader thread owns an instance.
 */
final class LineFramer {
  private static final int READ_SIZE = 64 * 1024;
  private static final int KEPT_EDGE = 512;
  private static final Pattern LEADING_ID =
      Pattern.compile(
          "^\\s*\\{\\s*(?:\"jsonrpc\"\\s*:\\s*\"2\\.0\"\\s*,\\s*)?\"id\"\\s*:\\s*"
              + "(-?\\d+|\"(?:[^\"\\\\]|\\\\.)*\")");
  private static final Pattern TRAILING_ID =
      Pattern.compile("\"id\"\\s*:\\s*(-?\\d+|\"(?:[^\"\\\\]|\\\\.)*\")\\s*}\\s*$");

  /** Receives what the framer finds. */
  interface Sink {
    /** Called for each line, without its line break; valid only during the call. */
    void onLine(byte[] buffer, int offset, int length);

    /** Called for a line longer than the maximum, after it was skipped. */
    void onOversizedLine(@Nullable String idText, long size);
  }

  private final InputStream input;
  private final long maxLineSize;
  private final Sink sink;
  private final byte[] readBuffer = new byte[READ_SIZE];
  private byte[] line = new byte[8 * 1024];
  private int lineLength;
  private boolean skipping;
  private long skippedSize;
  private final byte[] head = new byte[KEPT_EDGE];
  private int headLength;
  private final byte[] tail = new byte[KEPT_EDGE];
  private int tailLength;

  LineFramer(InputStream input, long maxLineSize, Sink sink) {
    this.input = input;
    this.maxLineSize = maxLineSize;
    this.sink = sink;
  }

  /** Reads until end of stream, calling the sink for each line. */
  void run() throws IOException {
    int read;
    while ((read = input.read(readBuffer)) >= 0) {
      accept(readBuffer, read);
    }
    if (skipping) {
      finishSkipped();
    } else if (lineLength > 0) {
      emit(line, 0, lineLength);
      lineLength = 0;
    }
  }

  private void accept(byte[] chunk, int length) {
    int start = 0;
    while (start < length) {
      int newline = indexOf(chunk, start, length, (byte) '\n');
      int end = newline < 0 ? length : newline;
      if (skipping) {
        skipped(chunk, start, end - start);
      } else if (lineLength == 0 && newline >= 0 && end - start <= maxLineSize) {
        emit(chunk, start, end - start);
      } else {
        append(chunk, start, end - start);
      }
      if (newline < 0) {
        return;
      }
      if (skipping) {
        finishSkipped();
      } else if (lineLength > 0) {
        emit(line, 0, lineLength);
        lineLength = 0;
      }
      start = newline + 1;
    }
  }

  private void append(byte[] chunk, int offset, int length) {
    if ((long) lineLength + length > maxLineSize) {
      startSkipping(chunk, offset, length);
      return;
    }
    if (lineLength + length > line.length) {
      long wanted = Math.max((long) line.length * 2, (long) lineLength + length);
      line = Arrays.copyOf(line, (int) Math.min(wanted, maxLineSize));
    }
    System.arraycopy(chunk, offset, line, lineLength, length);
    lineLength += length;
  }

  private void startSkipping(byte[] chunk, int offset, int length) {
    skipping = true;
    headLength = Math.min(lineLength, KEPT_EDGE);
    System.arraycopy(line, 0, head, 0, headLength);
    int fromChunk = Math.min(length, KEPT_EDGE - headLength);
    System.arraycopy(chunk, offset, head, headLength, fromChunk);
    headLength += fromChunk;
    tailLength = 0;
    keepTail(line, 0, lineLength);
    skippedSize = lineLength;
    lineLength = 0;
    if (line.length > 1024 * 1024) {
      line = new byte[8 * 1024];
    }
    skipped(chunk, offset, length);
  }

  private void skipped(byte[] chunk, int offset, int length) {
    skippedSize += length;
    keepTail(chunk, offset, length);
  }

  private void keepTail(byte[] bytes, int offset, int length) {
    if (length >= KEPT_EDGE) {
      System.arraycopy(bytes, offset + length - KEPT_EDGE, tail, 0, KEPT_EDGE);
      tailLength = KEPT_EDGE;
      return;
    }
    int keep = Math.min(tailLength, KEPT_EDGE - length);
    System.arraycopy(tail, tailLength - keep, tail, 0, keep);
    System.arraycopy(bytes, offset, tail, keep, length);
    tailLength = keep + length;
  }

  private void finishSkipped() {
    String idText = findId();
    long size = skippedSize;
    skipping = false;
    skippedSize = 0;
    headLength = 0;
    tailLength = 0;
    sink.onOversizedLine(idText, size);
  }

  private @Nullable String findId() {
    Matcher leading =
        LEADING_ID.matcher(new String(head, 0, headLength, StandardCharsets.ISO_8859_1));
    if (leading.find()) {
      return leading.group(1);
    }
    Matcher trailing =
        TRAILING_ID.matcher(new String(tail, 0, tailLength, StandardCharsets.ISO_8859_1));
    if (trailing.find()) {
      return trailing.group(1);
    }
    return null;
  }

  private void emit(byte[] bytes, int offset, int length) {
    int end = offset + length;
    if (end > offset && bytes[end - 1] == '\r') {
      end--;
    }
    boolean blank = true;
    for (int i = offset; i < end && blank; i++) {
      blank = bytes[i] == ' ' || bytes[i] == '\t';
    }
    if (!blank) {
      sink.onLine(bytes, offset, end - offset);
    }
  }

  private static int indexOf(byte[] bytes, int from, int to, byte value) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
