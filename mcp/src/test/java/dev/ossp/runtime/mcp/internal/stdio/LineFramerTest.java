package dev.ossp.runtime.mcp.internal.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Framing of newline-delimited messages from a byte stream. */
class LineFramerTest {
  private final List<String> lines = new ArrayList<>();
  private final List<String> oversized = new ArrayList<>();

  private void frame(InputStream input, long max) throws IOException {
    new LineFramer(
            input,
            max,
            new LineFramer.Sink() {
              @Override
              public void onLine(byte[] buffer, int offset, int length) {
                lines.add(new String(buffer, offset, length, StandardCharsets.UTF_8));
              }

              @Override
              public void onOversizedLine(@Nullable String idText, long size) {
                oversized.add(idText + "/" + size);
              }
            })
        .run();
  }

  /** Returns a stream that hands out {@code chunkSize} bytes per read. */
  private static InputStream trickle(byte[] bytes, int chunkSize) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] buffer, int offset, int length) {
        return super.read(buffer, offset, Math.min(length, chunkSize));
      }
    };
  }

  @Test
  void multiByteCharacterSplitAcrossReads() throws IOException {
    // given
    byte[] bytes = "{\"t\":\"ü😀✓\"}\n{\"n\":1}\n".getBytes(StandardCharsets.UTF_8);

    // when
    frame(trickle(bytes, 1), 1024);

    // then
    assertThat(lines).containsExactly("{\"t\":\"ü😀✓\"}", "{\"n\":1}");
  }

  @Test
  void carriageReturnsAndBlankLinesDropped() throws IOException {
    // given
    byte[] bytes = "a\r\n\n  \nb".getBytes(StandardCharsets.UTF_8);

    // when
    frame(trickle(bytes, 3), 1024);

    // then
    assertThat(lines).containsExactly("a", "b");
  }

  @Test
  void oversizedLineSkippedWithTrailingId() throws IOException {
    // given
    String big =
        "{\"result\":{\"text\":\"" + "x".repeat(5000) + "\"},\"jsonrpc\":\"2.0\",\"id\":17}";
    byte[] bytes = (big + "\n{\"ok\":true}\n").getBytes(StandardCharsets.UTF_8);

    // when
    frame(trickle(bytes, 700), 1024);

    // then
    assertThat(oversized).containsExactly("17/" + big.length());
    assertThat(lines).containsExactly("{\"ok\":true}");
  }

  @Test
  void oversizedLineSkippedWithLeadingId() throws IOException {
    // given
    String big = "{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"result\":\"" + "y".repeat(3000) + "\"}";
    byte[] bytes = (big + "\n").getBytes(StandardCharsets.UTF_8);

    // when
    frame(new ByteArrayInputStream(bytes), 1024);

    // then
    assertThat(oversized).containsExactly("\"abc\"/" + big.length());
  }

  @Test
  void lineAtTheLimitIsKept() throws IOException {
    // given
    String exact = "z".repeat(1024);

    // when
    frame(trickle((exact + "\n").getBytes(StandardCharsets.UTF_8), 100), 1024);

    // then
    assertThat(lines).containsExactly(exact);
    assertThat(oversized).isEmpty();
  }
}
