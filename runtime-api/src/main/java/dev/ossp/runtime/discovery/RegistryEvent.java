package dev.ossp.runtime.discovery;

import dev.ossp.runtime.urn.AgentUrn;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A change in the registry that queries can see.
 *
 * @param type what happened
 * @param urn the agent, with its version
 * @param previous the record before the change; null for {@link Type#REGISTERED}
 * @param current the record after the change; null for {@link Type#DEREGISTERED} and {@link
 *     Type#EXPIRED}
 * @param at when the change happened, by the registry's clock
 */
public record RegistryEvent(
    Type type,
    AgentUrn urn,
    @Nullable AgentRecord previous,
    @Nullable AgentRecord current,
    Instant at) {

  /** Checks the values. */
  public RegistryEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(urn, "urn");
    Objects.requireNonNull(at, "at");
  }

  /** Returns the record before the change. */
  public Optional<AgentRecord> before() {
    return Optional.ofNullable(previous);
  }

  /** Returns the record after the change. */
  public Optional<AgentRecord> after() {
    return Optional.ofNullable(current);
  }

  /** The kinds of change. */
  public enum Type {
    /** A new agent, or one whose lease had expired, was registered. */
    REGISTERED,
    /** An agent's record was replaced by an update or upsert. */
    UPDATED,
    /** An agent was deregistered. */
    DEREGISTERED,
    /** An agent's lease ran out; it is hidden from queries until it sends a heartbeat. */
    EXPIRED,
    /** A heartbeat arrived within the grace period after expiry; the agent is visible again. */
    RESTORED
  }
}
