/**
 * The load-test API: scenarios that callers provide (a discovery query, an A2A request, an MCP tool
 * call), a {@link dev.ossp.runtime.metrics.loadtest.LoadTestConfig}, and the {@link
 * dev.ossp.runtime.metrics.loadtest.LoadTester} that the metrics module implements.
 */
@NullMarked
package dev.ossp.runtime.metrics.loadtest;

import org.jspecify.annotations.NullMarked;
