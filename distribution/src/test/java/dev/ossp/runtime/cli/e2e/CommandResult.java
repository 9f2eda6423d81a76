package dev.ossp.runtime.cli.e2e;

/**
 * What a finished process printed and its exit status.
 *
 * @param exitCode the exit status
 * @param stdout everything printed on standard output
 * @param stderr everything printed on standard error
 */
record CommandResult(int exitCode, String stdout, String stderr) {
  /** Returns both outputs, for assertion messages. */
  String describe() {
    return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
  }
}
