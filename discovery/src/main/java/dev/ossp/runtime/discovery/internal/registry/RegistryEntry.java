package dev.ossp.runtime.discovery.internal.registry;

import dev.ossp.runtime.discovery.AgentRecord;

/**
 * A registered agent in memory: its immutable record and its lease state. The record is replaced as
 * a whole on update; the lease deadline changes on each heartbeat without a new record.
 */
public final class RegistryEntry {
  /** The deadline of an agent without a lease. */
  static final long NO_DEADLINE = Long.MAX_VALUE;

  private final AgentRecord record;
  private volatile long leaseDeadlineMillis;
  private volatile boolean expired;

  RegistryEntry(AgentRecord record, long leaseDeadlineMillis) {
    this.record = record;
    this.leaseDeadlineMillis = leaseDeadlineMillis;
  }

  /** The agent's record. */
  public AgentRecord record() {
    return record;
  }

  /** When the lease runs out, in epoch milliseconds; {@link Long#MAX_VALUE} without a lease. */
  public long leaseDeadlineMillis() {
    return leaseDeadlineMillis;
  }

  void renew(long deadlineMillis) {
    this.leaseDeadlineMillis = deadlineMillis;
    this.expired = false;
  }

  void markExpired() {
    this.expired = true;
  }

  /** Whether the sweeper has marked the lease expired. */
  boolean expired() {
    return expired;
  }

  /** Returns whether queries may see this agent at {@code nowMillis}. */
  public boolean visibleAt(long nowMillis) {
    return !expired && leaseDeadlineMillis > nowMillis;
  }
}
