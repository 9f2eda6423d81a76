package dev.ossp.runtime.discovery;

import dev.ossp.runtime.urn.AgentUrn;
import java.util.List;
import java.util.Optional;

/**
 * Resolves agent URNs to registered agents and their endpoints. Other modules, such as the A2A
 * client, inject this to find where to send a request.
 *
 * <p>Implementations are thread-safe.
 */
public interface AgentDirectory {
  /**
   * Returns the visible agent for {@code urn}: exactly that version when the URN has one, else the
   * highest release (non-pre-release) version registered under the URN's domain and name.
   */
  Optional<AgentRecord> find(AgentUrn urn);

  /**
   * Returns the endpoints of the agent {@link #find} returns for {@code urn}, preferred first.
   *
   * @throws dev.ossp.runtime.error.OsspException of kind {@code NOT_FOUND} when no visible agent
   *     matches
   */
  List<AgentInterface> interfaces(AgentUrn urn);
}
