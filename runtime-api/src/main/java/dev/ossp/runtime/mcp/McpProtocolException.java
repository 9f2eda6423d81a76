package dev.ossp.runtime.mcp;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import org.jspecify.annotations.Nullable;

/**
 * The server broke the MCP protocol: an unsupported or missing protocol version in its {@code
 * initialize} answer, a result of the wrong shape, or an HTTP answer that is not MCP. Not
 * retryable.
 */
public class McpProtocolException extends McpException {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public McpProtocolException(
      String serverId, @Nullable String method, String message, @Nullable Throwable cause) {
    super(
        ErrorKind.PROTOCOL,
        "MCP server '" + serverId + "' broke the protocol: " + message,
        cause,
        serverId,
        method,
        ErrorContext.empty(),
        false);
  }
}
