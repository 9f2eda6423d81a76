package dev.ossp.runtime.mcp;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;

/**
 * The caller cancelled a request with a reason; the client sent {@code notifications/cancelled}
 * with that reason and ignores a late response. Cancelling the returned future with {@code
 * cancel(true)} leaves it in the standard cancelled state instead.
 */
public class McpCancelledException extends McpException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /** Creates the error for request {@code requestId}, cancelled because of {@code reason}. */
  public McpCancelledException(String serverId, String method, String requestId, String reason) {
    super(
        ErrorKind.CANCELLED,
        "request "
            + requestId
            + " ("
            + method
            + ") to MCP server '"
            + serverId
            + "' was cancelled: "
            + reason,
        null,
        serverId,
        method,
        ErrorContext.builder().requestId(requestId).build(),
        false);
    this.reason = reason;
  }

  /** Why the request was cancelled. */
  public String reason() {
    return reason;
  }
}
