package dev.ossp.runtime.discovery;

import dev.ossp.runtime.urn.AgentUrn;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An agent's registration lease: the agent stays visible while it renews the lease with heartbeats
 * at least once per {@code ttl}.
 *
 * @param urn the agent
 * @param ttl how long one heartbeat keeps the agent visible
 * @param expiresAt when the agent disappears from queries unless it sends another heartbeat
 */
public record AgentLease(AgentUrn urn, Duration ttl, Instant expiresAt) {
  /** Checks the values. */
  public AgentLease {
    Objects.requireNonNull(urn, "urn");
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, was " + ttl);
    }
  }
}
