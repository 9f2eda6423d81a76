package dev.ossp.runtime.registry;

/**
 * Whether a store's view of its records is current. Local stores are always {@link #CONNECTED}; a
 * shared store reports {@link #STALE} while it cannot reach its servers, and until it has
 * resynchronized after it reconnected.
 */
public enum StoreStatus {
  /** Connected, and every change made by other writers is being delivered. */
  CONNECTED,
  /**
   * Disconnected, or reconnected but not yet resynchronized: reads return the last known state, and
   * changes made by other writers may be missing.
   */
  STALE
}
