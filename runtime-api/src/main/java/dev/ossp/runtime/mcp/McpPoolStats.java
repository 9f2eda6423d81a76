package dev.ossp.runtime.mcp;

/**
 * Counters and gauges of a {@link McpPool} at one moment.
 *
 * @param created connections opened since the pool started
 * @param reused acquisitions served by an open connection
 * @param closed connections closed, for any reason
 * @param failed connection attempts that failed
 * @param restarts connections reopened after a crash or a failed health check
 * @param active open connections with requests in flight
 * @param idle open connections without requests in flight
 */
public record McpPoolStats(
    long created, long reused, long closed, long failed, long restarts, int active, int idle) {}
