package dev.ossp.runtime.discovery.internal.registry;

/**
 * Counts of the agents that have a lease, and of the expired ones by the step they wait for, taken
 * in one pass over the index without locks. A count taken while writes run may or may not include
 * the agents those writes change.
 *
 * @param leased agents registered with a lease TTL, visible or not
 * @param awaitingSweep agents whose lease ran out that the sweeper has not yet marked expired;
 *     queries already hide them
 * @param inGracePeriod agents the sweeper marked expired, kept for {@code discovery.lease.grace}
 *     and deleted after it unless a heartbeat restores them
 */
public record LeaseCounts(int leased, int awaitingSweep, int inGracePeriod) {

  /** Counts the leases among the entries of {@code index} at {@code nowMillis}. */
  static LeaseCounts of(AgentIndex index, long nowMillis) {
    int leased = 0;
    int awaitingSweep = 0;
    int inGracePeriod = 0;
    for (RegistryEntry entry : index.entries()) {
      long deadline = entry.leaseDeadlineMillis();
      if (deadline == RegistryEntry.NO_DEADLINE) {
        continue;
      }
      leased++;
      if (entry.expired()) {
        inGracePeriod++;
      } else if (deadline <= nowMillis) {
        awaitingSweep++;
      }
    }
    return new LeaseCounts(leased, awaitingSweep, inGracePeriod);
  }
}
