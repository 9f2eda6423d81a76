package dev.ossp.runtime.a2a;

import dev.ossp.runtime.error.ErrorKind;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The JSON-RPC error codes of JSON-RPC 2.0 and A2A, with the error kind each maps to. */
public enum A2aErrorCode {
  /** -32700: the agent could not parse the request JSON. */
  PARSE_ERROR(-32700, "parse error", "", ErrorKind.PROTOCOL),
  /** -32600: the request is not a valid JSON-RPC request. */
  INVALID_REQUEST(-32600, "invalid request", "", ErrorKind.PROTOCOL),
  /** -32601: the agent has no such method. */
  METHOD_NOT_FOUND(-32601, "method not found", "", ErrorKind.PROTOCOL),
  /** -32602: the parameters are invalid. */
  INVALID_PARAMS(-32602, "invalid params", "", ErrorKind.VALIDATION),
  /** -32603: the agent failed internally. */
  INTERNAL_ERROR(-32603, "internal error", "", ErrorKind.SERVER),
  /** -32001: no task with that id. */
  TASK_NOT_FOUND(-32001, "task not found", "TASK_NOT_FOUND", ErrorKind.NOT_FOUND),
  /** -32002: the task cannot be canceled in its state. */
  TASK_NOT_CANCELABLE(-32002, "task not cancelable", "TASK_NOT_CANCELABLE", ErrorKind.CONFLICT),
  /** -32003: the agent does not support push notifications. */
  PUSH_NOTIFICATION_NOT_SUPPORTED(
      -32003,
      "push notification not supported",
      "PUSH_NOTIFICATION_NOT_SUPPORTED",
      ErrorKind.PROTOCOL),
  /** -32004: the agent does not support the operation. */
  UNSUPPORTED_OPERATION(
      -32004, "unsupported operation", "UNSUPPORTED_OPERATION", ErrorKind.PROTOCOL),
  /** -32005: the agent does not accept the content type. */
  CONTENT_TYPE_NOT_SUPPORTED(
      -32005, "content type not supported", "CONTENT_TYPE_NOT_SUPPORTED", ErrorKind.VALIDATION),
  /** -32006: the agent produced an invalid response. */
  INVALID_AGENT_RESPONSE(
      -32006, "invalid agent response", "INVALID_AGENT_RESPONSE", ErrorKind.PROTOCOL),
  /** -32007: the agent has no authenticated extended card. */
  EXTENDED_CARD_NOT_CONFIGURED(
      -32007,
      "extended card not configured",
      "EXTENDED_AGENT_CARD_NOT_CONFIGURED",
      ErrorKind.NOT_FOUND),
  /** -32009: the agent does not support the requested protocol version. */
  VERSION_NOT_SUPPORTED(
      -32009, "version not supported", "VERSION_NOT_SUPPORTED", ErrorKind.PROTOCOL),
  /** Any other code, including server-defined codes. */
  OTHER(0, "other error", "", ErrorKind.SERVER);

  private final int code;
  private final String label;
  private final String reason;
  private final ErrorKind kind;

  A2aErrorCode(int code, String label, String reason, ErrorKind kind) {
    this.code = code;
    this.label = label;
    this.reason = reason;
    this.kind = kind;
  }

  /** The JSON-RPC code; 0 for {@link #OTHER}. */
  public int code() {
    return code;
  }

  /** A short lower-case label, such as {@code task not found}. */
  public String label() {
    return label;
  }

  /** The v1.0 {@code ErrorInfo} reason, such as {@code TASK_NOT_FOUND}; empty when none. */
  public String reason() {
    return reason;
  }

  /** The error kind this code maps to. */
  public ErrorKind kind() {
    return kind;
  }

  /** Returns the entry for {@code code}, or {@link #OTHER}. */
  public static A2aErrorCode ofCode(int code) {
    for (A2aErrorCode entry : values()) {
      if (entry != OTHER && entry.code == code) {
        return entry;
      }
    }
    return OTHER;
  }

  /**
   * Returns the entry for {@code code}; for an unknown code, the entry whose reason the v1.0 {@code
   * data} list names ({@code [{"@type": "...ErrorInfo", "reason": "TASK_NOT_FOUND"}]}).
   */
  static A2aErrorCode classify(int code, @Nullable Object data) {
    A2aErrorCode known = ofCode(code);
    if (known != OTHER || !(data instanceof List<?> details)) {
      return known;
    }
    for (Object detail : details) {
      if (detail instanceof Map<?, ?> map && map.get("reason") instanceof String reason) {
        for (A2aErrorCode entry : values()) {
          if (!entry.reason.isEmpty() && entry.reason.equals(reason)) {
            return entry;
          }
        }
      }
    }
    return OTHER;
  }
}
