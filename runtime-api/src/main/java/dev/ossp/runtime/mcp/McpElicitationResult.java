package dev.ossp.runtime.mcp;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The user's answer to an elicitation.
 *
 * @param action what the user did
 * @param contentJson the submitted values as a JSON object; required for {@link Action#ACCEPT},
 *     null otherwise
 */
public record McpElicitationResult(Action action, @Nullable String contentJson) {
  /** Checks that content comes with, and only with, an accept. */
  public McpElicitationResult {
    Objects.requireNonNull(action, "action");
    if (action == Action.ACCEPT && contentJson == null) {
      throw new IllegalArgumentException("an accepted elicitation needs content");
    }
    if (action != Action.ACCEPT && contentJson != null) {
      throw new IllegalArgumentException("only an accepted elicitation has content");
    }
  }

  /** Returns an accept with the given values as a JSON object. */
  public static McpElicitationResult accept(String contentJson) {
    return new McpElicitationResult(Action.ACCEPT, contentJson);
  }

  /** Returns a decline. */
  public static McpElicitationResult decline() {
    return new McpElicitationResult(Action.DECLINE, null);
  }

  /** Returns a cancel. */
  public static McpElicitationResult cancel() {
    return new McpElicitationResult(Action.CANCEL, null);
  }

  /** What the user did. */
  public enum Action {
    /** Submitted the values. */
    ACCEPT,
    /** Explicitly refused. */
    DECLINE,
    /** Dismissed the request without choosing. */
    CANCEL
  }
}
