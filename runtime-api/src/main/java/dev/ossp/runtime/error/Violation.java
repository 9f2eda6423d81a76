package dev.ossp.runtime.error;

import java.util.Objects;

/**
 * One problem with an input: the field (a dotted path such as {@code skills[3].id}, or a part name
 * such as {@code domain}) and what is wrong with it.
 *
 * @param field the path of the invalid field
 * @param message what is wrong and, where possible, what is valid
 */
public record Violation(String field, String message) {
  /** Checks that both parts are present. */
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
