package dev.ossp.runtime.mcp;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one connection.
 *
 * @param serverId the server's id
 * @param status where the connection is in its life
 * @param serverInfo what the server said in {@code initialize}, or null before that
 * @param pid the process id of a stdio server, or -1
 * @param startedAt when the connection was started
 * @param lastUsed when the last request was sent or answered
 * @param inFlight the number of requests sent and not yet answered
 * @param reconnectAttempts the number of restarts of this server since it last ran stably
 * @param lastExitCode the exit code of the server's last process, or null
 */
public record McpConnectionState(
    String serverId,
    McpConnectionStatus status,
    @Nullable McpServerInfo serverInfo,
    long pid,
    Instant startedAt,
    Instant lastUsed,
    int inFlight,
    int reconnectAttempts,
    @Nullable Integer lastExitCode) {

  /** Checks the parts are present. */
  public McpConnectionState {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(lastUsed, "lastUsed");
  }

  /** Whether the connection accepts requests. */
  public boolean connected() {
    return status == McpConnectionStatus.CONNECTED;
  }

  /** The negotiated protocol revision, once initialized. */
  public Optional<String> protocolVersion() {
    return serverInfo == null ? Optional.empty() : Optional.of(serverInfo.protocolVersion());
  }

  /** The process id of a stdio server. */
  public OptionalLong processId() {
    return pid < 0 ? OptionalLong.empty() : OptionalLong.of(pid);
  }

  /** The exit code of the server's last process. */
  public OptionalInt exitCode() {
    return lastExitCode == null ? OptionalInt.empty() : OptionalInt.of(lastExitCode);
  }
}
