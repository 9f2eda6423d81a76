package dev.ossp.runtime.a2a;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An agent answered a JSON-RPC call with an error object, with HTTP 200 or with an error status.
 * Carries the code, the agent's message and the {@code data} member; the kind follows {@link
 * A2aErrorCode#kind()}, or for an unknown code the v1.0 {@code ErrorInfo} reason in the data.
 */
public class A2aJsonRpcException extends OsspException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final A2aErrorCode errorCode;
  private final String agentMessage;
  private final transient @Nullable Object data;

  /**
   * Creates the error.
   *
   * @param code the JSON-RPC error code
   * @param agentMessage the error's {@code message} as the agent sent it
   * @param data the error's {@code data} member as JSON-like values, or null
   * @param context the call's facts; the code is added
   */
  public A2aJsonRpcException(
      int code, String agentMessage, @Nullable Object data, ErrorContext context) {
    this(code, A2aErrorCode.classify(code, data), agentMessage, data, context);
  }

  private A2aJsonRpcException(
      int code,
      A2aErrorCode errorCode,
      String agentMessage,
      @Nullable Object data,
      ErrorContext context) {
    super(
        errorCode.kind(),
        "agent answered JSON-RPC error "
            + code
            + " ("
            + errorCode.label()
            + "): "
            + Objects.requireNonNull(agentMessage, "agentMessage"),
        null,
        Objects.requireNonNull(context, "context").toBuilder().jsonRpcCode(code).build(),
        false);
    this.code = code;
    this.errorCode = errorCode;
    this.agentMessage = agentMessage;
    this.data = data;
  }

  /** The JSON-RPC error code, such as -32001. */
  public int code() {
    return code;
  }

  /** The A2A meaning of the code. */
  public A2aErrorCode errorCode() {
    return errorCode;
  }

  /** The error message as the agent sent it. */
  public String agentMessage() {
    return agentMessage;
  }

  /** The error's {@code data} member, as maps, lists and scalars. */
  public Optional<Object> data() {
    return Optional.ofNullable(data);
  }

  /** Returns the error kind for {@code code}, as {@link A2aErrorCode#kind()} maps it. */
  public static ErrorKind kindOf(int code) {
    return A2aErrorCode.classify(code, null).kind();
  }
}
