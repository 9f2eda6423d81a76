package dev.ossp.runtime.mcp.internal.pool;

import dev.ossp.runtime.mcp.McpClientOptions;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.internal.client.DefaultMcpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The pool's state for one registered server. Every mutable field is guarded by the pool's lock.
 */
final class ServerEntry {
  final McpServerSpec spec;
  final McpClientOptions options;
  final ServerBreaker breaker;
  final List<Tracked> connections = new ArrayList<>();
  @Nullable CompletableFuture<DefaultMcpClient> opening;
  int consecutiveFailures;
  Duration lastDelay = Duration.ZERO;
  long notBeforeNanos = Long.MIN_VALUE;
  @Nullable Integer lastExitCode;
  boolean removed;

  ServerEntry(McpServerSpec spec, McpClientOptions options, ServerBreaker breaker) {
    this.spec = spec;
    this.options = options;
    this.breaker = breaker;
  }

  /** Returns the open connection with the fewest requests in flight, or null. */
  @Nullable Tracked leastLoaded() {
    Tracked best = null;
    for (Tracked tracked : connections) {
      if (!tracked.client.isConnected()) {
        continue;
      }
      if (best == null || tracked.client.inFlight() < best.client.inFlight()) {
        best = tracked;
      }
    }
    return best;
  }

  /** One pooled connection. */
  static final class Tracked {
    final DefaultMcpClient client;
    final long openedMillis;
    boolean outcomeReported;
    boolean closingByPool;

    Tracked(DefaultMcpClient client, long openedMillis) {
      this.client = client;
      this.openedMillis = openedMillis;
    }
  }
}
