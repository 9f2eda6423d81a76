package dev.ossp.runtime.discovery.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Splits a file into newline-terminated lines and reports each line's byte offset. A last line
 * without a newline is reported as unterminated, which is how a write cut short by a crash looks.
 */
final class LineScanner {
  /** One line, without its newline. */
  record Line(long offset, byte[] bytes, int length, boolean terminated, int number) {}

  private final InputStream in;
  private final byte[] chunk = new byte[64 * 1024];
  private int chunkStart;
  private int chunkEnd;
  private long position;
  private int number;

  LineScanner(InputStream in) {
    this.in = in;
  }

  /** Returns the next line, or null at the end of the file. */
  @Nullable Line next() throws IOException {
    byte[] line = new byte[256];
    int length = 0;
    long offset = position;
    while (true) {
      if (chunkStart == chunkEnd) {
        int read = in.read(chunk);
        if (read < 0) {
          if (length == 0) {
            return null;
          }
          return new Line(offset, line, length, false, ++number);
        }
        chunkStart = 0;
        chunkEnd = read;
      }
      int newline = -1;
      for (int i = chunkStart; i < chunkEnd; i++) {
        if (chunk[i] == '\n') {
          newline = i;
          break;
        }
      }
      int stop = newline < 0 ? chunkEnd : newline;
      int count = stop - chunkStart;
      if (length + count > line.length) {
        line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
      }
      System.arraycopy(chunk, chunkStart, line, length, count);
      length += count;
      position += count;
      chunkStart = stop;
      if (newline >= 0) {
        chunkStart++;
        position++;
        return new Line(offset, line, length, true, ++number);
      }
    }
  }
}
