package dev.ossp.runtime.mcp;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered a request with a JSON-RPC error. {@link #code()} is the JSON-RPC code; the
 * kind follows from it: {@code -32700} and {@code -32600} are {@link ErrorKind#PROTOCOL}, {@code
 * -32601} is {@link ErrorKind#NOT_FOUND}, {@code -32602} is {@link ErrorKind#VALIDATION}, and
 * {@code -32603} and server-defined codes are {@link ErrorKind#SERVER}, which is not retried for
 * MCP because a server error usually repeats.
 */
public class McpJsonRpcException extends McpException {
  private static final long serialVersionUID = 1L;

  /** Invalid JSON was received by the server. */
  public static final int PARSE_ERROR = -32700;

  /** The JSON sent is not a valid request object. */
  public static final int INVALID_REQUEST = -32600;

  /** The method does not exist or is not available. */
  public static final int METHOD_NOT_FOUND = -32601;

  /** Invalid method parameters. */
  public static final int INVALID_PARAMS = -32602;

  /** Internal JSON-RPC error. */
  public static final int INTERNAL_ERROR = -32603;

  private final int code;
  private final @Nullable String dataJson;

  /**
   * Creates the error.
   *
   * @param code the JSON-RPC error code
   * @param serverMessage the error message the server sent
   * @param dataJson the error's {@code data} member as JSON, or null
   */
  public McpJsonRpcException(
      String serverId, String method, int code, String serverMessage, @Nullable String dataJson) {
    super(
        kindOf(code),
        "MCP server '"
            + serverId
            + "' answered "
            + method
            + " with JSON-RPC error "
            + code
            + ": "
            + serverMessage,
        null,
        serverId,
        method,
        ErrorContext.builder().jsonRpcCode(code).build(),
        false);
    this.code = code;
    this.dataJson = dataJson;
  }

  /** Returns the error kind of a JSON-RPC code. */
  public static ErrorKind kindOf(int code) {
    return switch (code) {
      case PARSE_ERROR, INVALID_REQUEST -> ErrorKind.PROTOCOL;
      case METHOD_NOT_FOUND -> ErrorKind.NOT_FOUND;
      case INVALID_PARAMS -> ErrorKind.VALIDATION;
      default -> ErrorKind.SERVER;
    };
  }

  /** The JSON-RPC error code. */
  public int code() {
    return code;
  }

  /** The error's {@code data} member as JSON. */
  public Optional<String> dataJson() {
    return Optional.ofNullable(dataJson);
  }
}
