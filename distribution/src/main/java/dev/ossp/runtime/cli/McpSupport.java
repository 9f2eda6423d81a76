package dev.ossp.runtime.cli;

import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.mcp.McpPool;
import dev.ossp.runtime.mcp.McpServerSpec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/** Finds MCP servers in the runtime's pool, from the configuration or a {@code --command}. */
final class McpSupport {
  private McpSupport() {}

  /**
   * Returns the pool with {@code serverId} registered: as configured under {@code
   * mcp.servers.<id>}, or from {@code commandLine} when one is given.
   *
   * @throws CliException naming the configured servers when the id is unknown
   */
  static McpPool pool(OsspRuntime runtime, String serverId, @Nullable String commandLine) {
    McpPool pool = LocalRuntime.require(runtime, McpPool.class, "mcp");
    if (commandLine != null) {
      McpServerSpec spec;
      try {
        spec = McpServerSpec.builder(serverId).commandLine(commandLine).build();
      } catch (IllegalArgumentException e) {
        throw CliException.usage("invalid --command '" + commandLine + "': " + e.getMessage());
      }
      pool.register(spec);
      return pool;
    }
    if (!pool.serverIds().contains(serverId)) {
      throw CliException.usage(
          "unknown MCP server '"
              + serverId
              + "'; configured servers: "
              + (pool.serverIds().isEmpty() ? "none" : String.join(", ", pool.serverIds()))
              + ". Configure it under mcp.servers."
              + serverId
              + " (see examples/mcp-servers.yaml) or give --command 'CMD ARGS'");
    }
    return pool;
  }

  /**
   * Waits for a pool or client call.
   *
   * @throws CliException with the cause's message when it fails or takes longer than {@code
   *     timeout}
   */
  static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new CliException(what + " failed: " + cause.getMessage());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new CliException(
          what + " timed out after " + timeout.toMillis() + " ms; raise --timeout");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(what + " was interrupted");
    }
  }
}
