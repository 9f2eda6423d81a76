package dev.ossp.runtime.mcp.internal.stdio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a server's stderr on its own daemon thread until it ends, so a server that writes a lot
 * there never blocks. Each line goes to the log at DEBUG with the server id; the last lines are
 * kept for error reports. Lines longer than {@value #MAX_LINE_BYTES} bytes are cut.
 *
 * <p>Thread-safe: the tail may be read from any thread while the drain runs.
 */
final class StderrDrain implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(StderrDrain.class);
  static final int MAX_LINE_BYTES = 4096;

  private final String serverId;
  private final InputStream input;
  private final int keptLines;
  private final ArrayDeque<String> tail;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final byte[] line = new byte[MAX_LINE_BYTES];
  private int lineLength;
  private boolean lineCut;

  StderrDrain(String serverId, InputStream input, int keptLines) {
    this.serverId = serverId;
    this.input = input;
    this.keptLines = keptLines;
    this.tail = new ArrayDeque<>(Math.max(1, keptLines));
  }

  @Override
  public void run() {
    byte[] buffer = new byte[16 * 1024];
    try {
      int read;
      while ((read = input.read(buffer)) >= 0) {
        for (int i = 0; i < read; i++) {
          accept(buffer[i]);
        }
      }
    } catch (IOException e) {
      LOG.debug("stderr of MCP server '{}' ended with an error: {}", serverId, e.toString());
    } finally {
      if (lineLength > 0 || lineCut) {
        finishLine();
      }
      finished.countDown();
    }
  }

  private void accept(byte value) {
    if (value == '\n') {
      finishLine();
    } else if (lineLength < MAX_LINE_BYTES) {
      line[lineLength++] = value;
    } else {
      lineCut = true;
    }
  }

  private void finishLine() {
    int length = lineLength;
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    String text = new String(line, 0, length, StandardCharsets.UTF_8);
    if (lineCut) {
      text = text + " [cut at " + MAX_LINE_BYTES + " bytes]";
    }
    lineLength = 0;
    lineCut = false;
    LOG.debug("[{} stderr] {}", serverId, text);
    if (keptLines > 0) {
      synchronized (tail) {
        if (tail.size() == keptLines) {
          tail.removeFirst();
        }
        tail.addLast(text);
      }
    }
  }

  /** Waits up to {@code millis} for stderr to end; returns whether it did. */
  boolean awaitEnd(long millis) {
    try {
      return finished.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The last lines, oldest first. */
  List<String> tail() {
    synchronized (tail) {
      return List.copyOf(tail);
    }
  }
}
