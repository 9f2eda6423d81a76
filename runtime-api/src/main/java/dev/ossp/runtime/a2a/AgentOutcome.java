package dev.ossp.runtime.a2a;

import dev.ossp.runtime.error.OsspException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The settled result of one request of a batch: exactly one of a response or an error.
 *
 * @param request the request, as given
 * @param response the response when the call succeeded, else null
 * @param error the failure when the call failed, else null
 */
public record AgentOutcome(
    AgentRequest request, @Nullable AgentResponse response, @Nullable OsspException error) {
  /** Checks that exactly one of response and error is present. */
  public AgentOutcome {
    Objects.requireNonNull(request, "request");
    if ((response == null) == (error == null)) {
      throw new IllegalArgumentException("an outcome has exactly one of a response or an error");
    }
  }

  /** Returns a successful outcome. */
  public static AgentOutcome success(AgentRequest request, AgentResponse response) {
    return new AgentOutcome(request, Objects.requireNonNull(response, "response"), null);
  }

  /** Returns a failed outcome. */
  public static AgentOutcome failure(AgentRequest request, OsspException error) {
    return new AgentOutcome(request, null, Objects.requireNonNull(error, "error"));
  }

  /** Returns whether the call succeeded. */
  public boolean succeeded() {
    return response != null;
  }

  /** The response, when the call succeeded. */
  public Optional<AgentResponse> responseIfPresent() {
    return Optional.ofNullable(response);
  }

  /** The error, when the call failed. */
  public Optional<OsspException> errorIfPresent() {
    return Optional.ofNullable(error);
  }

  /**
   * Returns the response or throws the error.
   *
   * @throws OsspException the call's failure
   */
  public AgentResponse orThrow() {
    if (error != null) {
      throw error;
    }
    return Objects.requireNonNull(response);
  }
}
