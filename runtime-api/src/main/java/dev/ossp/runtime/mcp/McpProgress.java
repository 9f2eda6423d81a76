package dev.ossp.runtime.mcp;

import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * A {@code notifications/progress} message for a request.
 *
 * @param progressToken the token the request carried in {@code _meta.progressToken}
 * @param progress the progress so far; increases with each notification
 * @param total the total, or NaN when the server did not say
 * @param message a human-readable status, or null
 */
public record McpProgress(
    String progressToken, double progress, double total, @Nullable String message) {
  /** Checks the token is present. */
  public McpProgress {
    Objects.requireNonNull(progressToken, "progressToken");
  }

  /** The total, when the server gave one. */
  public OptionalDouble totalIfKnown() {
    return Double.isNaN(total) ? OptionalDouble.empty() : OptionalDouble.of(total);
  }
}
