package dev.ossp.runtime.mcp.internal.transport;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why a transport ended.
 *
 * @param reason what happened, for messages, such as {@code the server process exited}
 * @param exitCode the process's exit code, or null when unknown or not a process
 * @param stderrTail the last lines the process wrote to stderr, oldest first
 * @param byClient whether the client closed the connection
 */
public record TransportClosed(
    String reason, @Nullable Integer exitCode, List<String> stderrTail, boolean byClient) {
  /** Checks the parts and copies the lines. */
  public TransportClosed {
    Objects.requireNonNull(reason, "reason");
    stderrTail = List.copyOf(Objects.requireNonNull(stderrTail, "stderrTail"));
  }
}
