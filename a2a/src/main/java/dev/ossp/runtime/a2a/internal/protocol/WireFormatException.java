package dev.ossp.runtime.a2a.internal.protocol;

/** An agent's JSON lacks a field the model needs, or has one of the wrong type. */
public final class WireFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message that names the field. */
  public WireFormatException(String message) {
    super(message);
  }
}
