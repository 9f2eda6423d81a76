package dev.ossp.runtime.mcp.internal;

import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpClientOptions;
import dev.ossp.runtime.mcp.McpConnectionState;
import dev.ossp.runtime.mcp.McpConnector;
import dev.ossp.runtime.mcp.McpPool;
import dev.ossp.runtime.mcp.McpPoolStats;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.client.DefaultMcpConnector;
import dev.ossp.runtime.mcp.internal.pool.DefaultMcpPool;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The {@link McpPool} and {@link McpConnector} the component binds before it starts; calls go to
 * the pool and connector built at start, and fail with {@link IllegalStateException} before that or
 * after stop. The component's health and its diagnostics source read the same live pool through it.
 *
 * <p>Thread-safe.
 */
final class McpServices implements McpPool, McpConnector {
  private volatile @Nullable DefaultMcpPool pool;
  private volatile @Nullable DefaultMcpConnector connector;

  void attach(DefaultMcpPool startedPool, DefaultMcpConnector startedConnector) {
    this.pool = startedPool;
    this.connector = startedConnector;
  }

  void detach() {
    this.pool = null;
    this.connector = null;
  }

  private DefaultMcpPool pool() {
    DefaultMcpPool current = pool;
    if (current == null) {
      throw new IllegalStateException("the mcp component is not running");
    }
    return current;
  }

  @Override
  public CompletableFuture<McpClient> connect(McpServerSpec spec, McpClientOptions options) {
    DefaultMcpConnector current = connector;
    if (current == null) {
      throw new IllegalStateException("the mcp component is not running");
    }
    return current.connect(spec, options);
  }

  @Override
  public void register(McpServerSpec spec, McpClientOptions options) {
    pool().register(spec, options);
  }

  @Override
  public boolean unregister(String serverId) {
    return pool().unregister(serverId);
  }

  @Override
  public Set<String> serverIds() {
    return pool().serverIds();
  }

  @Override
  public Optional<McpServerSpec> spec(String serverId) {
    return pool().spec(serverId);
  }

  @Override
  public CompletableFuture<McpClient> acquire(String serverId) {
    return pool().acquire(serverId);
  }

  @Override
  public CompletableFuture<McpToolResult> callTool(String serverId, McpToolCall call) {
    return pool().callTool(serverId, call);
  }

  @Override
  public List<McpConnectionState> connections() {
    return pool().connections();
  }

  @Override
  public McpPoolStats stats() {
    return pool().stats();
  }

  /** Returns DOWN when the component is not running, otherwise UP with the pool's counts. */
  ComponentHealth health() {
    DefaultMcpPool running = pool;
    if (running == null) {
      return ComponentHealth.down("mcp is not running");
    }
    McpPoolStats stats = running.stats();
    return ComponentHealth.up()
        .withDetail("servers", running.serverIds().size())
        .withDetail("active", stats.active())
        .withDetail("idle", stats.idle())
        .withDetail("restarts", stats.restarts())
        .withDetail("failedStarts", stats.failed());
  }

  /**
   * Returns the pool's diagnostics (see {@link DefaultMcpPool#diagnostics()}), or an empty map when
   * the component is not running.
   */
  Map<String, Object> diagnostics() {
    DefaultMcpPool running = pool;
    return running == null ? Map.of() : running.diagnostics();
  }

  /** Does nothing: the component closes the pool when it stops. */
  @Override
  public void close() {}
}
