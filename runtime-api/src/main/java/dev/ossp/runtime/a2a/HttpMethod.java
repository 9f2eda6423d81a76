package dev.ossp.runtime.a2a;

/**
 * The HTTP methods the agent client sends, with the idempotency RFC 9110 section 9.2.2 gives them.
 * The client retries a call that may have reached the server only when its method is idempotent or
 * the caller marks the call idempotent.
 */
public enum HttpMethod {
  /** Reads a resource. Idempotent. */
  GET(true),
  /** Reads a resource's headers. Idempotent. */
  HEAD(true),
  /** Submits data. Not idempotent. */
  POST(false),
  /** Replaces a resource. Idempotent. */
  PUT(true),
  /** Changes part of a resource. Not idempotent. */
  PATCH(false),
  /** Removes a resource. Idempotent. */
  DELETE(true),
  /** Asks what a resource supports. Idempotent. */
  OPTIONS(true);

  private final boolean idempotent;

  HttpMethod(boolean idempotent) {
    this.idempotent = idempotent;
  }

  /**
   * Returns whether repeating a request with this method has the same effect as sending it once.
   */
  public boolean idempotent() {
    return idempotent;
  }
}
