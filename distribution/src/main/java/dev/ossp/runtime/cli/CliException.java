package dev.ossp.runtime.cli;

/**
 * A command failed for a reason the user can act on. The message says what failed, on which value,
 * and what to do next; the CLI prints it without a stack trace and exits with {@link #exitCode()}.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** Creates the error with exit status {@link OsspCli#EXIT_FAILURE}. */
  public CliException(String message) {
    this(OsspCli.EXIT_FAILURE, message, null);
  }

  /** Creates the error with the given exit status. */
  public CliException(int exitCode, String message) {
    this(exitCode, message, null);
  }

  /** Creates the error with the given exit status and cause. */
  public CliException(
      int exitCode, String message, @org.jspecify.annotations.Nullable Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Returns a usage error: exit status {@link OsspCli#EXIT_USAGE}. */
  public static CliException usage(String message) {
    return new CliException(OsspCli.EXIT_USAGE, message);
  }

  /** The exit status: {@link OsspCli#EXIT_FAILURE} or {@link OsspCli#EXIT_USAGE}. */
  public int exitCode() {
    return exitCode;
  }
}
