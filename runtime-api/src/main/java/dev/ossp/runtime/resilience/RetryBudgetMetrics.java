package dev.ossp.runtime.resilience;

/**
 * A snapshot of a retry budget.
 *
 * @param callsInWindow first attempts counted in the current window
 * @param retriesInWindow retries granted in the current window
 * @param availableRetries retries the budget would grant now
 * @param totalRejections retries refused since the budget was created
 */
public record RetryBudgetMetrics(
    long callsInWindow, long retriesInWindow, long availableRetries, long totalRejections) {}
