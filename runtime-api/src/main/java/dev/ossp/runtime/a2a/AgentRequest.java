package dev.ossp.runtime.a2a;

import dev.ossp.runtime.urn.AgentUrn;
import java.util.Objects;

/**
 * One request of a batch: the agent, the route and the call options.
 *
 * @param urn the agent to call; a URN without version means its latest release
 * @param route the path and query after the agent's endpoint URL, such as {@code /v1/status}
 * @param options the call options
 */
public record AgentRequest(AgentUrn urn, String route, CallOptions options) {
  /** Checks the parts. */
  public AgentRequest {
    Objects.requireNonNull(urn, "urn");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(options, "options");
  }

  /** Returns a GET of {@code route} on {@code urn}. */
  public static AgentRequest get(AgentUrn urn, String route) {
    return new AgentRequest(urn, route, CallOptions.get());
  }
}
