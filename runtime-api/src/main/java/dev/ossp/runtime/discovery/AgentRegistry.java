package dev.ossp.runtime.discovery;

import dev.ossp.runtime.urn.AgentUrn;
import java.util.List;
import java.util.Optional;

/**
 * The agent registry: atomic writes keyed by versioned agent URN, leases renewed by heartbeats,
 * indexed queries with a result cache, and events for every visible change.
 *
 * <p>Every write validates the card first and changes nothing when validation fails; the {@link
 * dev.ossp.runtime.error.ValidationException} lists every problem found. A write returns after the
 * registry store has made it durable. Writes to a URN given without a version act on the version
 * the card states.
 *
 * <p>Implementations are thread-safe: concurrent writes to one URN are applied one at a time, and
 * of two concurrent {@link #register registrations} of one URN exactly one succeeds.
 */
public interface AgentRegistry extends AgentDirectory {
  /**
   * Registers a new agent.
   *
   * @return the stored record, at revision 1 (or the next revision when it replaces an agent whose
   *     lease expired)
   * @throws dev.ossp.runtime.error.ValidationException listing every problem with the card, URN or
   *     lease
   * @throws dev.ossp.runtime.error.OsspException of kind {@code CONFLICT} when a visible agent has
   *     the URN, or when the registry is at capacity
   */
  AgentRecord register(AgentRegistration registration);

  /**
   * Replaces a visible agent's record if its revision is still {@code expectedRevision}. The
   * registration time is kept; the lease is the one in {@code registration}.
   *
   * @throws dev.ossp.runtime.error.ValidationException listing every problem
   * @throws dev.ossp.runtime.error.OsspException of kind {@code NOT_FOUND} when no visible agent
   *     has the URN
   * @throws RevisionConflictException when the revision is not {@code expectedRevision}
   */
  AgentRecord update(AgentRegistration registration, long expectedRevision);

  /**
   * Registers the agent, or replaces its record whatever the revision.
   *
   * @throws dev.ossp.runtime.error.ValidationException listing every problem
   * @throws dev.ossp.runtime.error.OsspException of kind {@code CONFLICT} when a new agent would
   *     exceed the capacity
   */
  AgentRecord upsert(AgentRegistration registration);

  /**
   * Removes the agent with exactly this versioned URN, also when its lease has expired.
   *
   * @return whether an agent was removed
   * @throws dev.ossp.runtime.error.ValidationException when the URN has no version
   */
  boolean deregister(AgentUrn urn);

  /**
   * Returns the visible agent for {@code urn}: exactly that version when the URN has one, else the
   * highest release version.
   */
  Optional<AgentRecord> get(AgentUrn urn);

  /** Returns the agent's lease, when it has one and is visible. */
  Optional<AgentLease> lease(AgentUrn urn);

  /**
   * Renews the lease of the agent with this versioned URN. A heartbeat within the grace period
   * after expiry makes the agent visible again.
   *
   * @return the renewed lease; empty when the agent registered without a lease
   * @throws dev.ossp.runtime.error.OsspException of kind {@code NOT_FOUND} when the agent is not
   *     registered or was removed after its grace period
   * @throws dev.ossp.runtime.error.ValidationException when the URN has no version
   */
  Optional<AgentLease> heartbeat(AgentUrn urn);

  /** Returns every visible agent, sorted by URN. */
  List<AgentRecord> list();

  /**
   * Runs a query, from the cache when an equal query ran since the last change that could affect
   * it.
   *
   * @throws dev.ossp.runtime.error.ValidationException when the limit exceeds the registry's
   *     maximum or the cursor is malformed or belongs to another query
   */
  QueryResult query(AgentQuery query);

  /** Returns a snapshot of the registry's size and cache counters. */
  RegistryStats stats();

  /** Removes every cached query result. Counters are kept. */
  void clearCache();

  /**
   * Runs each query once so that its result is cached.
   *
   * @return the number of queries run
   * @throws dev.ossp.runtime.error.ValidationException when a query is invalid; earlier queries
   *     stay cached
   */
  int warmUp(List<AgentQuery> queries);

  /** Adds a listener for registry events. */
  void addListener(RegistryListener listener);

  /** Removes a listener; does nothing if it was not added. */
  void removeListener(RegistryListener listener);
}
