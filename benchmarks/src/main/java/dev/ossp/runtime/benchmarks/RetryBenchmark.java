package dev.ossp.runtime.benchmarks;

import dev.ossp.runtime.resilience.RetryBudget;
import dev.ossp.runtime.resilience.RetryBudgetConfig;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryPolicy;
import dev.ossp.runtime.resilience.internal.ExecutorTaskScheduler;
import dev.ossp.runtime.resilience.internal.Sleeper;
import dev.ossp.runtime.resilience.internal.TimeSource;
import dev.ossp.runtime.resilience.internal.backoff.BackoffStrategies;
import dev.ossp.runtime.resilience.internal.retry.DefaultRetryBudget;
import dev.ossp.runtime.resilience.internal.retry.DefaultRetryPolicy;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of a retry policy around a call that succeeds at once: the path almost every call takes.
 * Each variant runs the same payload as the {@code direct} baseline ({@code
 * Blackhole.consumeCPU(64)}). {@code withBudget} counts each call in a retry budget, as registry
 * policies do by default; {@code withoutBudget} has budgets turned off.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RetryBenchmark {
  private static final long PAYLOAD_TOKENS = 64;

  private ExecutorTaskScheduler scheduler;
  private RetryPolicy withBudget;
  private RetryPolicy withoutBudget;
  private Supplier<Long> payload;

  /** Builds both policies with the default configuration and a real scheduler. */
  @Setup
  public void setUp() {
    scheduler = ExecutorTaskScheduler.singleDaemonThread("retry-benchmark");
    RetryBudget budget =
        new DefaultRetryBudget("bench", RetryBudgetConfig.defaults(), TimeSource.system());
    withBudget = policy(RetryConfig.defaults(), budget);
    withoutBudget = policy(RetryConfig.builder().budgetEnabled(false).build(), budget);
    payload = RetryBenchmark::work;
  }

  private RetryPolicy policy(RetryConfig config, RetryBudget budget) {
    return new DefaultRetryPolicy(
        "bench",
        config,
        BackoffStrategies.load(),
        name -> budget,
        TimeSource.system(),
        Sleeper.system(),
        scheduler,
        ThreadLocalRandom::current,
        null);
  }

  /** Stops the scheduler thread. */
  @TearDown
  public void tearDown() {
    scheduler.close();
  }

  private static Long work() {
    Blackhole.consumeCPU(PAYLOAD_TOKENS);
    return PAYLOAD_TOKENS;
  }

  @Benchmark
  @Threads(1)
  public Long direct() {
    return payload.get();
  }

  @Benchmark
  @Threads(1)
  public Long withBudget() {
    return withBudget.executeSupplier(payload);
  }

  @Benchmark
  @Threads(1)
  public Long withoutBudget() {
    return withoutBudget.executeSupplier(payload);
  }

  @Benchmark
  @Threads(2)
  public Long direct2Threads() {
    return payload.get();
  }

  @Benchmark
  @Threads(2)
  public Long withBudget2Threads() {
    return withBudget.executeSupplier(payload);
  }
}
