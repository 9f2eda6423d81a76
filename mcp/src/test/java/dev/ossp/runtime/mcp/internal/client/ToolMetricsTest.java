package dev.ossp.runtime.mcp.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.mcp.McpCancelledException;
import dev.ossp.runtime.mcp.McpConnectionClosedException;
import dev.ossp.runtime.mcp.McpTimeoutException;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.jsonrpc.CompletionListener;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** Counting tool calls by outcome, and their latency, per tool. */
class ToolMetricsTest {
  /** Counts each counter's increments and each timer's records, by name and tags. */
  private static final class RecordingMetrics implements Metrics {
    final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> timings = new ConcurrentHashMap<>();

    @Override
    public Counter counter(String name, Tags tags) {
      AtomicLong count =
          counts.computeIfAbsent(name + new TreeMap<>(tags.asMap()), key -> new AtomicLong());
      return new Counter() {
        @Override
        public void increment() {
          count.incrementAndGet();
        }

        @Override
        public void increment(long amount) {
          count.addAndGet(amount);
        }
      };
    }

    @Override
    public Timer timer(String name, Tags tags) {
      AtomicLong records =
          timings.computeIfAbsent(name + new TreeMap<>(tags.asMap()), key -> new AtomicLong());
      return nanos -> records.incrementAndGet();
    }

    @Override
    public Histogram histogram(String name, Tags tags) {
      return value -> {};
    }

    @Override
    public void gauge(String name, Tags tags, DoubleSupplier value) {}
  }

  private static String calls(String tool, String outcome) {
    return ToolMetrics.CALLS
        + new TreeMap<>(Map.of("server", "s", "tool", tool, "outcome", outcome));
  }

  private final RecordingMetrics metrics = new RecordingMetrics();
  private final ToolMetrics toolMetrics = new ToolMetrics(metrics, "s");

  private static McpToolResult result(boolean isError) {
    return new McpToolResult(List.of(), null, isError, null);
  }

  @Test
  void outcomesAreCountedPerTool() {
    // given
    CompletionListener echo = toolMetrics.meter("echo");
    CompletionListener add = toolMetrics.meter("add");
    long start = System.nanoTime();

    // when
    echo.onCompleted(start, result(false), null);
    echo.onCompleted(start, result(false), null);
    echo.onCompleted(start, result(true), null);
    echo.onCompleted(
        start, null, new McpTimeoutException("s", "tools/call", "1", Duration.ofMillis(1)));
    echo.onCompleted(
        start,
        null,
        new CompletionException(new McpCancelledException("s", "tools/call", "2", "stop")));
    echo.onCompleted(start, null, new CancellationException());
    echo.onCompleted(
        start, null, new McpConnectionClosedException("s", "tools/call", "gone", null, List.of()));
    add.onCompleted(start, result(false), null);

    // then
    assertThat(metrics.counts.get(calls("echo", "success"))).hasValue(2);
    assertThat(metrics.counts.get(calls("echo", "tool_error"))).hasValue(1);
    assertThat(metrics.counts.get(calls("echo", "timeout"))).hasValue(1);
    assertThat(metrics.counts.get(calls("echo", "cancelled"))).hasValue(2);
    assertThat(metrics.counts.get(calls("echo", "error"))).hasValue(1);
    assertThat(metrics.counts.get(calls("add", "success"))).hasValue(1);
    assertThat(metrics.counts).doesNotContainKey(calls("add", "error"));
    assertThat(
            metrics.timings.get(
                ToolMetrics.LATENCY + new TreeMap<>(Map.of("server", "s", "tool", "echo"))))
        .hasValue(7);
  }

  @Test
  void meterIsLookedUpOncePerTool() {
    assertThat(toolMetrics.meter("echo")).isSameAs(toolMetrics.meter("echo"));
  }
}
