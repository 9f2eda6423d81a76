package dev.ossp.runtime.mcp;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The connection to the server closed before the request got its response: the process exited, its
 * stdout ended, the HTTP session ended, or the client was closed. Carries the exit code and the
 * last stderr lines of a stdio server, when known. Retryable, because a new connection may work; a
 * tool call is still only retried when that is safe.
 */
public class McpConnectionClosedException extends McpException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Integer exitCode;
  private final transient List<String> stderrTail;

  /**
   * Creates the error.
   *
   * @param reason what closed the connection, such as {@code the server process exited}
   * @param exitCode the process's exit code, or null when unknown or not a process
   * @param stderrTail the last lines the process wrote to stderr, oldest first
   */
  public McpConnectionClosedException(
      String serverId,
      @Nullable String method,
      String reason,
      @Nullable Integer exitCode,
      List<String> stderrTail) {
    super(
        ErrorKind.NETWORK,
        messageFor(serverId, method, reason, exitCode, stderrTail),
        null,
        serverId,
        method,
        exitCode == null
            ? ErrorContext.empty()
            : ErrorContext.builder().detail("exitCode", exitCode.toString()).build(),
        true);
    this.exitCode = exitCode;
    this.stderrTail = List.copyOf(stderrTail);
  }

  private static String messageFor(
      String serverId,
      @Nullable String method,
      String reason,
      @Nullable Integer exitCode,
      List<String> stderrTail) {
    StringBuilder message = new StringBuilder("connection to MCP server '").append(serverId);
    message.append("' closed");
    if (method != null) {
      message.append(" before ").append(method).append(" was answered");
    }
    message.append(": ").append(reason);
    if (exitCode != null) {
      message.append(" (exit code ").append(exitCode).append(')');
    }
    if (!stderrTail.isEmpty()) {
      message.append("; last stderr lines:");
      for (String line : stderrTail) {
        message.append("\n  ").append(line);
      }
    }
    return message.toString();
  }

  /** The server process's exit code, when it exited. */
  public OptionalInt exitCode() {
    return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
  }

  /** The last lines the server process wrote to stderr, oldest first; empty for HTTP. */
  public List<String> stderrTail() {
    return stderrTail;
  }
}
