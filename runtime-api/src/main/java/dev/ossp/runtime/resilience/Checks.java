package dev.ossp.runtime.resilience;

import java.time.Duration;
import java.util.Objects;

/** Argument checks whose messages name the property, the rejected value and the valid range. */
final class Checks {
  private Checks() {}

  static int intInRange(String property, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          property + " must be in " + min + ".." + max + ", was " + value);
    }
    return value;
  }

  static double doubleInRange(String property, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          property + " must be in " + min + ".." + max + ", was " + value);
    }
    return value;
  }

  static Duration positive(String property, Duration value) {
    Objects.requireNonNull(value, property);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(property + " must be positive, was " + value);
    }
    return value;
  }

  static Duration notNegative(String property, Duration value) {
    Objects.requireNonNull(value, property);
    if (value.isNegative()) {
      throw new IllegalArgumentException(property + " must not be negative, was " + value);
    }
    return value;
  }

  static String name(String property, String value) {
    Objects.requireNonNull(value, property);
    if (!value.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          property + " must be lower-case letters, digits and dashes, was '" + value + "'");
    }
    return value;
  }

  static String nonBlank(String property, String value) {
    Objects.requireNonNull(value, property);
    if (value.isBlank()) {
      throw new IllegalArgumentException(property + " must not be blank");
    }
    return value;
  }
}
