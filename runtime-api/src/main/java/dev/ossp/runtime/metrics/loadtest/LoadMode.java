package dev.ossp.runtime.metrics.loadtest;

/** The pacing strategy of a load test. */
public enum LoadMode {
  /**
   * Each worker sends its next request as soon as the previous one completes, so the offered load
   * follows the server's speed. Latencies are service times.
   */
  CLOSED_LOOP,
  /**
   * Requests are started on a fixed schedule at the target rate, whatever the server's speed.
   * Latencies are corrected for coordinated omission: a request that took longer than its schedule
   * interval also accounts for the requests it held back.
   */
  OPEN_LOOP
}
