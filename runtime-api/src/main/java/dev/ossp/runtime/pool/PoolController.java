package dev.ossp.runtime.pool;

import java.time.Duration;
import java.time.Instant;

/**
 * The live limits of one pool. The pool reads the limits before leasing, reports what it observes,
 * and calls {@link #evaluate} on a schedule; the controller may then change a key's limit and
 * notify listeners. Implementations are thread-safe.
 */
public interface PoolController {
  /** The settings the controller was created with. */
  PoolSettings settings();

  /** The current limit for all keys together. */
  int maxTotal();

  /** The current limit for {@code key}. */
  int maxPerKey(String key);

  /** How long an unused resource stays pooled. */
  Duration idleTimeout();

  /** Reports that a lease for {@code key} waited {@code waited} for a free resource. */
  void recordLeaseWait(String key, Duration waited);

  /** Reports how many resources of {@code key} are leased and idle right now. */
  void recordUsage(String key, int leased, int idle);

  /** Re-evaluates limits from what was reported since the last call. */
  void evaluate(Instant now);

  /** Registers a listener for limit changes. */
  void addListener(LimitListener listener);

  /** Notified when a key's limit changes. */
  @FunctionalInterface
  interface LimitListener {
    /**
     * Called after the limit for {@code key} changed.
     *
     * @param reason why, for the log, such as {@code lease waits above 50 ms for 3 rounds}
     */
    void limitChanged(String key, int oldLimit, int newLimit, String reason);
  }
}
