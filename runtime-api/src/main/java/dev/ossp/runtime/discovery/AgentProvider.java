package dev.ossp.runtime.discovery;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The organization that runs an agent, from the card's {@code provider} object.
 *
 * @param organization the organization's name
 * @param url the organization's web site as written in the card, or null
 */
public record AgentProvider(String organization, @Nullable String url) {
  /** Checks that the organization is present. */
  public AgentProvider {
    Objects.requireNonNull(organization, "organization");
  }
}
