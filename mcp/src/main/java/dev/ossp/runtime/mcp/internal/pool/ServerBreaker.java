package dev.ossp.runtime.mcp.internal.pool;

import java.time.Duration;

/**
 * The breaker that guards restarts of one server. Each connection attempt takes a permit and
 * reports one outcome: an error when the server fails to start or crashes before it ran {@link
 * PoolOptions#stableAfter()}, a success once it ran that long or was closed by the pool.
 */
interface ServerBreaker {
  /** Returns whether a connection attempt may start now; true obliges one outcome report. */
  boolean tryAcquirePermission();

  /** Reports that the connection attempt proved stable. */
  void onSuccess(Duration lifetime);

  /** Returns a permission without an outcome, for an attempt that never started. */
  void releasePermission();

  /** Reports that the connection attempt failed or crashed early. */
  void onError(Duration lifetime, Throwable error);

  /** The time until the breaker admits the next attempt; zero when it does now. */
  Duration untilNextProbe();

  /** The breaker's name, for errors. */
  String name();

  /**
   * The breaker's state for diagnostics, in lower case with hyphens: {@code closed}, {@code open}
   * or {@code half-open}, and for a resilience breaker also {@code forced-open}, {@code disabled}
   * or {@code metrics-only}.
   */
  String state();
}
