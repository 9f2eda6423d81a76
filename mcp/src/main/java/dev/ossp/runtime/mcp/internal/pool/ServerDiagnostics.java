package dev.ossp.runtime.mcp.internal.pool;

import dev.ossp.runtime.mcp.McpConnectionState;
import dev.ossp.runtime.mcp.McpConnectionStatus;
import dev.ossp.runtime.mcp.internal.pool.ServerEntry.Tracked;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Describes one registered server for the diagnostics report, from state the pool already keeps.
 * The pool calls it under its lock, and it only reads fields, so it sends nothing to the server.
 *
 * <p>A server's {@code state} is {@code ready} when a connection accepts requests, {@code starting}
 * or {@code restarting} while a connection opens (restarting after a failure), {@code broken} when
 * its last attempt failed or its breaker rejects attempts and nothing is opening, and {@code
 * stopped} when no connection is open because none was needed yet or the idle one was closed.
 */
final class ServerDiagnostics {
  private ServerDiagnostics() {}

  /**
   * Returns the server's state, connections, consecutive failures, last exit code, remaining
   * backoff and breaker, as a map of strings, numbers, lists and maps.
   *
   * @param maxConnections the controller's current limit of connections for this server
   * @param nowNanos {@link System#nanoTime()} at the start of the report
   */
  static Map<String, Object> describe(ServerEntry entry, int maxConnections, long nowNanos) {
    List<Object> connections = new ArrayList<>();
    boolean ready = false;
    boolean broken = false;
    for (Tracked tracked : entry.connections) {
      McpConnectionState state = tracked.client.state();
      String label = connectionState(state.status(), tracked.closingByPool);
      ready |= label.equals("ready");
      broken |= label.equals("broken");
      connections.add(describeConnection(state, label));
    }
    boolean breakerRejects = entry.breaker.untilNextProbe().compareTo(Duration.ZERO) > 0;

    Map<String, Object> server = new LinkedHashMap<>();
    server.put(
        "transport", entry.spec.transport().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    server.put("state", serverState(entry, ready, broken || breakerRejects));
    server.put("maxConnections", maxConnections);
    server.put("connections", connections);
    server.put("consecutiveFailures", entry.consecutiveFailures);
    if (entry.lastExitCode != null) {
      server.put("lastExitCode", entry.lastExitCode);
    }
    long backoffNanos =
        entry.notBeforeNanos == Long.MIN_VALUE ? 0 : Math.max(0, entry.notBeforeNanos - nowNanos);
    server.put("backoffRemainingMillis", backoffNanos / 1_000_000);
    Map<String, Object> breaker = new LinkedHashMap<>();
    breaker.put("name", entry.breaker.name());
    breaker.put("state", entry.breaker.state());
    breaker.put("untilNextProbeMillis", entry.breaker.untilNextProbe().toMillis());
    server.put("breaker", breaker);
    return server;
  }

  private static String serverState(ServerEntry entry, boolean ready, boolean broken) {
    if (ready) {
      return "ready";
    }
    if (entry.opening != null) {
      return entry.consecutiveFailures > 0 ? "restarting" : "starting";
    }
    if (broken || entry.consecutiveFailures > 0) {
      return "broken";
    }
    return "stopped";
  }

  /**
   * Returns {@code broken} for a connection that ended without the pool closing it, which stays
   * listed until the pool has handled the crash.
   */
  private static String connectionState(McpConnectionStatus status, boolean closingByPool) {
    return switch (status) {
      case CONNECTED -> "ready";
      case CONNECTING -> "starting";
      case CLOSING, CLOSED -> closingByPool ? "closing" : "broken";
    };
  }

  private static Map<String, Object> describeConnection(McpConnectionState state, String label) {
    Map<String, Object> connection = new LinkedHashMap<>();
    connection.put("state", label);
    state.processId().ifPresent(pid -> connection.put("pid", pid));
    connection.put("inFlight", state.inFlight());
    state.protocolVersion().ifPresent(version -> connection.put("protocolVersion", version));
    connection.put("startedAt", state.startedAt().toString());
    connection.put("lastUsed", state.lastUsed().toString());
    return connection;
  }
}
