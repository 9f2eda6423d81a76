package dev.ossp.runtime.mcp;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of every MCP failure: carries the server id and the JSON-RPC method involved. The
 * subclasses say what failed; {@link #kind()} classifies it for retries and breakers.
 */
public class McpException extends OsspException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String serverId;
  private final @Nullable String method;

  /** Creates an error with every property given. */
  public McpException(
      ErrorKind kind,
      String message,
      @Nullable Throwable cause,
      @Nullable String serverId,
      @Nullable String method,
      ErrorContext context,
      boolean retryable) {
    super(kind, message, cause, withTarget(context, serverId), retryable);
    this.serverId = serverId;
    this.method = method;
  }

  /** Creates an error of {@code kind}, retryable as the kind's default. */
  public McpException(
      ErrorKind kind,
      String message,
      @Nullable Throwable cause,
      @Nullable String serverId,
      @Nullable String method) {
    this(kind, message, cause, serverId, method, ErrorContext.empty(), kind.retryableByDefault());
  }

  private static ErrorContext withTarget(ErrorContext context, @Nullable String serverId) {
    if (serverId == null || context.target().isPresent()) {
      return context;
    }
    return context.toBuilder().target(serverId).build();
  }

  /** The id of the server involved. */
  public Optional<String> serverId() {
    return Optional.ofNullable(serverId);
  }

  /** The JSON-RPC method of the failed request, such as {@code tools/call}. */
  public Optional<String> method() {
    return Optional.ofNullable(method);
  }
}
