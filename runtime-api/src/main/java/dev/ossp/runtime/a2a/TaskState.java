package dev.ossp.runtime.a2a;

import java.util.Locale;
import java.util.Objects;

/**
 * The states of an A2A task. v0.3 writes them in kebab case ({@code input-required}); v1.0 as
 * {@code TASK_STATE_INPUT_REQUIRED}.
 */
public enum TaskState {
  /** Accepted, not started. */
  SUBMITTED(false, false),
  /** Running. */
  WORKING(false, false),
  /** Waiting for the client to send more input. */
  INPUT_REQUIRED(false, true),
  /** Finished successfully. */
  COMPLETED(true, false),
  /** Cancelled. */
  CANCELED(true, false),
  /** Failed. */
  FAILED(true, false),
  /** The agent refused the task. */
  REJECTED(true, false),
  /** Waiting for the client to authenticate. */
  AUTH_REQUIRED(false, true),
  /** The agent reported a state this client does not know. */
  UNKNOWN(false, false);

  private final boolean terminal;
  private final boolean interrupted;

  TaskState(boolean terminal, boolean interrupted) {
    this.terminal = terminal;
    this.interrupted = interrupted;
  }

  /** Returns whether the task can change no more: completed, canceled, failed or rejected. */
  public boolean terminal() {
    return terminal;
  }

  /** Returns whether the task waits for the client: input-required or auth-required. */
  public boolean interrupted() {
    return interrupted;
  }

  /** Returns the v0.3 wire name, such as {@code input-required}. */
  public String v03Name() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Returns the v1.0 wire name, such as {@code TASK_STATE_INPUT_REQUIRED}. */
  public String v10Name() {
    return this == UNKNOWN ? "TASK_STATE_UNSPECIFIED" : "TASK_STATE_" + name();
  }

  /** Returns the state for a wire name of either generation, or {@link #UNKNOWN}. */
  public static TaskState fromWire(String name) {
    Objects.requireNonNull(name, "name");

    String text = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    if (text.startsWith("TASK_STATE_")) {
      text = text.substring("TASK_STATE_".length());
    }
    if (text.equals("CANCELLED")) {
      text = "CANCELED";
    }
    for (TaskState state : values()) {
      if (state.name().equals(text)) {
        return state;
      }
    }
    return UNKNOWN;
  }
}
