package dev.ossp.runtime.mcp.internal.client;

import dev.ossp.runtime.mcp.McpCancelledException;
import dev.ossp.runtime.mcp.McpTimeoutException;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Records tool calls of one server: {@code ossp.mcp.calls} by tool and outcome and {@code
 * ossp.mcp.call.latency} by tool. Outcomes: {@code success}, {@code tool_error} (the result had
 * {@code isError}), {@code timeout}, {@code cancelled} and {@code error}. Meters are looked up once
 * per tool and outcome and then kept.
 *
 * <p>Thread-safe.
 */
final class ToolMetrics {
  static final String CALLS = "ossp.mcp.calls";
  static final String LATENCY = "ossp.mcp.call.latency";

  private final Metrics metrics;
  private final String serverId;
  private final ConcurrentHashMap<String, Metrics.Counter> counters = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Metrics.Timer> timers = new ConcurrentHashMap<>();

  ToolMetrics(Metrics metrics, String serverId) {
    this.metrics = metrics;
    this.serverId = serverId;
  }

  void record(
      String tool, long startNanos, @Nullable McpToolResult result, @Nullable Throwable error) {
    long elapsed = System.nanoTime() - startNanos;
    String outcome = outcomeOf(result, error);
    counters
        .computeIfAbsent(
            tool + '\u0000' + outcome,
            key ->
                metrics.counter(
                    CALLS, Tags.of("server", serverId, "tool", tool, "outcome", outcome)))
        .increment();
    timers
        .computeIfAbsent(
            tool, key -> metrics.timer(LATENCY, Tags.of("server", serverId, "tool", tool)))
        .recordNanos(elapsed);
  }

  private static String outcomeOf(@Nullable McpToolResult result, @Nullable Throwable error) {
    if (error == null) {
      return result != null && result.isError() ? "tool_error" : "success";
    }
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof McpTimeoutException) {
      return "timeout";
    }
    if (cause instanceof McpCancelledException || cause instanceof CancellationException) {
      return "cancelled";
    }
    return "error";
  }
}
