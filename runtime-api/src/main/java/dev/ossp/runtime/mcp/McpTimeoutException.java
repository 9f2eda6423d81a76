package dev.ossp.runtime.mcp;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import java.time.Duration;

/**
 * A request got no response within its timeout. The client sent {@code notifications/cancelled} for
 * it (except for {@code initialize}, whose timeout closes the connection) and ignores a late
 * response.
 */
public class McpTimeoutException extends McpException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  /** Creates the error for a request that waited {@code timeout}. */
  public McpTimeoutException(String serverId, String method, String requestId, Duration timeout) {
    super(
        ErrorKind.TIMEOUT,
        "MCP server '"
            + serverId
            + "' did not respond to "
            + method
            + " (request "
            + requestId
            + ") within "
            + timeout.toMillis()
            + " ms",
        null,
        serverId,
        method,
        ErrorContext.builder().requestId(requestId).build(),
        true);
    this.timeout = timeout;
  }

  /** The timeout that passed. */
  public Duration timeout() {
    return timeout;
  }
}
