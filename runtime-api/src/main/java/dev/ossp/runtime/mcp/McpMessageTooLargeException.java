package dev.ossp.runtime.mcp;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import org.jspecify.annotations.Nullable;

/**
 * One message exceeded the maximum message size. Only the request it belongs to fails; the
 * connection goes on. Raise {@link McpServerSpec.Builder#maxMessageSize(long)} if the server's
 * answers are legitimately that large.
 */
public class McpMessageTooLargeException extends McpException {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long limit;

  /**
   * Creates the error.
   *
   * @param size the message size in bytes, or at least that many when the rest was skipped
   * @param limit the maximum message size in bytes
   */
  public McpMessageTooLargeException(
      String serverId, @Nullable String method, long size, long limit) {
    super(
        ErrorKind.PROTOCOL,
        "a message "
            + (method == null ? "" : "for " + method + " ")
            + "from or to MCP server '"
            + serverId
            + "' has "
            + size
            + " bytes, more than the maximum message size of "
            + limit
            + " bytes",
        null,
        serverId,
        method,
        ErrorContext.builder()
            .detail("size", Long.toString(size))
            .detail("limit", Long.toString(limit))
            .build(),
        false);
    this.size = size;
    this.limit = limit;
  }

  /** The message size in bytes. */
  public long size() {
    return size;
  }

  /** The maximum message size in bytes. */
  public long limit() {
    return limit;
  }
}
