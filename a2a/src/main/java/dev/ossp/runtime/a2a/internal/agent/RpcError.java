package dev.ossp.runtime.a2a.internal.agent;

import dev.ossp.runtime.a2a.A2aErrorCode;
import org.jspecify.annotations.Nullable;

/** A JSON-RPC error the node's agent returns. */
final class RpcError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final transient @Nullable Object data;

  RpcError(A2aErrorCode code, String message, @Nullable Object data) {
    super(message, null, false, false);
    this.code = code.code();
    this.data = data;
  }

  RpcError(A2aErrorCode code, String message) {
    this(code, message, null);
  }

  int code() {
    return code;
  }

  @Nullable Object data() {
    return data;
  }
}
