package dev.ossp.runtime.resilience.internal.retry;

import dev.ossp.runtime.resilience.RetryBudget;
import dev.ossp.runtime.resilience.RetryBudgetConfig;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.internal.ManualScheduler;
import dev.ossp.runtime.resilience.internal.ManualTime;
import dev.ossp.runtime.resilience.internal.RecordingSleeper;
import dev.ossp.runtime.resilience.internal.Sleeper;
import dev.ossp.runtime.resilience.internal.backoff.BackoffStrategies;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** A manual clock, sleeper, scheduler and budgets for building policies in tests. */
final class RetryFixture {
  final ManualTime time = new ManualTime();
  final RecordingSleeper sleeper = new RecordingSleeper(time);
  final ManualScheduler scheduler = new ManualScheduler(time);
  final Map<String, RetryBudget> budgets = new ConcurrentHashMap<>();
  RetryBudgetConfig budgetConfig = RetryBudgetConfig.defaults();

  DefaultRetryPolicy policy(RetryConfig config) {
    return policy(config, sleeper);
  }

  DefaultRetryPolicy policy(RetryConfig config, Sleeper chosenSleeper) {
    Random random = new Random(5);
    return new DefaultRetryPolicy(
        "orders",
        config,
        BackoffStrategies.load(),
        name ->
            budgets.computeIfAbsent(name, key -> new DefaultRetryBudget(key, budgetConfig, time)),
        time,
        chosenSleeper,
        scheduler,
        () -> random,
        null);
  }
}
