package dev.ossp.runtime.mcp;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import org.jspecify.annotations.Nullable;

/**
 * A stdio server's process could not be started: the command was not found, is not executable, or
 * the working directory does not exist. The message names the command and the reason. Not
 * retryable, because the same spec fails the same way.
 */
public class McpSpawnException extends McpException {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public McpSpawnException(String serverId, String message, @Nullable Throwable cause) {
    super(
        ErrorKind.VALIDATION,
        "cannot start MCP server '" + serverId + "': " + message,
        cause,
        serverId,
        null,
        ErrorContext.empty(),
        false);
  }
}
