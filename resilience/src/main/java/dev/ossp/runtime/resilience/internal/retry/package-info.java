/** Retry policies, their synchronous and asynchronous executions, retry budgets and registry. */
@NullMarked
package dev.ossp.runtime.resilience.internal.retry;

import org.jspecify.annotations.NullMarked;
