package dev.ossp.runtime.error;

import java.util.List;
import java.util.Objects;

/**
 * An input was rejected. Lists every problem found, so a caller can fix them all at once; the
 * message names the input and summarizes the violations.
 */
public class ValidationException extends OsspException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /** Creates an error with the given message and violations. */
  public ValidationException(String message, List<Violation> violations) {
    super(ErrorKind.VALIDATION, message);
    this.violations = List.copyOf(Objects.requireNonNull(violations, "violations"));
  }

  /** Creates an error with one violation, whose text is also the message. */
  public ValidationException(String message, Violation violation) {
    this(message, List.of(violation));
  }

  /** Every problem found, in the order found. */
  public List<Violation> violations() {
    return violations;
  }
}
