package dev.ossp.runtime.cli;

import java.util.Objects;

/**
 * What every command receives: where to print and where the installation is.
 *
 * @param output standard output and error, with the terminal's color support
 * @param home the installation directory and the environment
 */
public record CliContext(Output output, Home home) {
  /** Checks both parts. */
  public CliContext {
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(home, "home");
  }
}
