package dev.ossp.runtime.spi;

/**
 * The base of every strategy SPI. A strategy is found with {@link java.util.ServiceLoader} and
 * chosen by {@link #name()} in configuration. Implementations need a public no-argument constructor
 * and must be thread-safe: one instance serves the whole runtime.
 */
public interface Strategy {
  /**
   * A stable name, unique within its kind, of lower-case letters, digits and dashes, such as {@code
   * decorrelated-jitter}.
   */
  String name();

  /** One line that says what the strategy does, shown by diagnostics. */
  default String description() {
    return "";
  }
}
