package dev.ossp.runtime.mcp.internal.client;

import dev.ossp.runtime.mcp.McpCancelledException;
import dev.ossp.runtime.mcp.McpTimeoutException;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.jsonrpc.CompletionListener;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
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

  private static final String[] OUTCOMES = {
    "success", "tool_error", "timeout", "cancelled", "error"
  };
  private static final int SUCCESS = 0;
  private static final int TOOL_ERROR = 1;
  private static final int TIMEOUT = 2;
  private static final int CANCELLED = 3;
  private static final int ERROR = 4;

  private final Metrics metrics;
  private final String serverId;
  private final ConcurrentHashMap<String, ToolMeter> meters = new ConcurrentHashMap<>();

  ToolMetrics(Metrics metrics, String serverId) {
    this.metrics = metrics;
    this.serverId = serverId;
  }

  /** Returns the meter of tool {@code tool}, which records each call it hears complete. */
  CompletionListener meter(String tool) {
    ToolMeter meter = meters.get(tool);
    return meter != null ? meter : meters.computeIfAbsent(tool, ToolMeter::new);
  }

  private static int outcomeOf(@Nullable Object result, @Nullable Throwable error) {
    if (error == null) {
      return result instanceof McpToolResult toolResult && toolResult.isError()
          ? TOOL_ERROR
          : SUCCESS;
    }
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof McpTimeoutException) {
      return TIMEOUT;
    }
    if (cause instanceof McpCancelledException || cause instanceof CancellationException) {
      return CANCELLED;
    }
    return ERROR;
  }

  /** The timer and the per-outcome counters of one tool; counters are registered on first use. */
  private final class ToolMeter implements CompletionListener {
    private final String tool;
    private final Metrics.Timer latency;
    private final AtomicReferenceArray<Metrics.@Nullable Counter> calls =
        new AtomicReferenceArray<>(OUTCOMES.length);

    ToolMeter(String tool) {
      this.tool = tool;
      this.latency = metrics.timer(LATENCY, Tags.of("server", serverId, "tool", tool));
    }

    @Override
    public void onCompleted(long startNanos, @Nullable Object result, @Nullable Throwable error) {
      long elapsed = System.nanoTime() - startNanos;
      int outcome = outcomeOf(result, error);
      Metrics.Counter counter = calls.get(outcome);
      if (counter == null) {
        counter =
            metrics.counter(
                CALLS, Tags.of("server", serverId, "tool", tool, "outcome", OUTCOMES[outcome]));
        if (!calls.compareAndSet(outcome, null, counter)) {
          counter = calls.get(outcome);
        }
      }
      counter.increment();
      latency.recordNanos(elapsed);
    }
  }
}
