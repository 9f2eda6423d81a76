package dev.ossp.runtime.resilience;

/**
 * A budget of retries shared by every policy that calls one target, so that a failing dependency is
 * not hit by a retry storm: each call deposits into it, each retry withdraws, and an empty budget
 * means no retry. The limits are in {@link RetryBudgetConfig}.
 *
 * <p>Retry policies use their budget themselves; call these methods directly only for retries made
 * outside a {@link RetryPolicy}. Implementations are thread-safe; {@link #recordCall()} takes no
 * lock and allocates nothing.
 */
public interface RetryBudget {
  /** The budget's name, usually the target. */
  String name();

  /** The configuration in force. */
  RetryBudgetConfig config();

  /** Counts one call (a first attempt). */
  void recordCall();

  /**
   * Withdraws one retry. Returns false, and counts a rejection, when the window has no retry left.
   */
  boolean tryAcquireRetry();

  /** Returns a snapshot of the budget. */
  RetryBudgetMetrics metrics();
}
