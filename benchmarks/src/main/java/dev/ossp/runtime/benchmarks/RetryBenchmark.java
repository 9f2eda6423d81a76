package dev.ossp.runtime.benchmarks;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.function.CheckedSupplier;
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
import java.time.Duration;
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
 * Blackhole.consumeCPU(100)}). {@code withBudget} counts each call in a retry budget, as registry
 * policies do by default; {@code withoutBudget} has budgets turned off.
 *
 * <p>The anchors run the same payload: a resilience4j 2.4 retry and a Failsafe 3.3 retry policy,
 * each with its defaults ({@code resilience4jNoFailure}, {@code failsafeNoFailure}).
 *
 * <p>{@code *OneFailure}: a call that throws once and then succeeds, retried with no delay, against
 * {@code directOneFailure}, which calls the payload twice and catches the first exception itself.
 * Every policy retries exactly that exception. Our policy runs with the budget off here, because a
 * call that always needs a retry would drain any retry budget.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RetryBenchmark {
  private static final long PAYLOAD_TOKENS = 100;
  private static final PlannedFailure FAILURE = new PlannedFailure();

  private ExecutorTaskScheduler scheduler;
  private RetryPolicy withBudget;
  private RetryPolicy withoutBudget;
  private Supplier<Long> payload;
  private RetryPolicy oneFailure;
  private io.github.resilience4j.retry.Retry resilience4jDefaults;
  private io.github.resilience4j.retry.Retry resilience4jNoDelay;
  private FailsafeExecutor<Long> failsafeDefaults;
  private CheckedSupplier<Long> checkedPayload;
  private Supplier<Long> failingOnce;
  private CheckedSupplier<Long> checkedFailingOnce;
  private boolean failNext = true;

  /** Builds our policies with a real scheduler, and the anchors' policies. */
  @Setup
  public void setUp() {
    scheduler = ExecutorTaskScheduler.singleDaemonThread("retry-benchmark");
    RetryBudget budget =
        new DefaultRetryBudget("bench", RetryBudgetConfig.defaults(), TimeSource.system());
    withBudget = policy(RetryConfig.defaults(), budget);
    withoutBudget = policy(RetryConfig.builder().budgetEnabled(false).build(), budget);
    payload = RetryBenchmark::work;
    oneFailure =
        policy(
            RetryConfig.builder()
                .backoff("fixed")
                .baseDelay(Duration.ZERO)
                .maxDelay(Duration.ZERO)
                .budgetEnabled(false)
                .retryOnException(PlannedFailure.class::isInstance)
                .build(),
            budget);

    resilience4jDefaults = io.github.resilience4j.retry.Retry.ofDefaults("defaults");
    resilience4jNoDelay =
        io.github.resilience4j.retry.Retry.of(
            "no-delay",
            io.github.resilience4j.retry.RetryConfig.custom()
                .waitDuration(Duration.ZERO)
                .retryExceptions(PlannedFailure.class)
                .build());
    // Failsafe's default policy retries any exception twice with no delay.
    failsafeDefaults = Failsafe.with(dev.failsafe.RetryPolicy.<Long>ofDefaults());
    checkedPayload = RetryBenchmark::work;
    failingOnce = this::failOnceThenWork;
    checkedFailingOnce = this::failOnceThenWork;
  }

  /**
   * Throws {@link #FAILURE} on every other call, so each operation fails once and then succeeds.
   */
  private Long failOnceThenWork() {
    if (failNext) {
      failNext = false;
      throw FAILURE;
    }
    failNext = true;
    return work();
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

  @Benchmark
  @Threads(1)
  public Long resilience4jNoFailure() {
    return resilience4jDefaults.executeSupplier(payload);
  }

  @Benchmark
  @Threads(1)
  public Long failsafeNoFailure() {
    return failsafeDefaults.get(checkedPayload);
  }

  @Benchmark
  @Threads(1)
  public Long directOneFailure() {
    try {
      return failingOnce.get();
    } catch (PlannedFailure expected) {
      return failingOnce.get();
    }
  }

  @Benchmark
  @Threads(1)
  public Long oneFailure() {
    return oneFailure.executeSupplier(failingOnce);
  }

  @Benchmark
  @Threads(1)
  public Long resilience4jOneFailure() {
    return resilience4jNoDelay.executeSupplier(failingOnce);
  }

  @Benchmark
  @Threads(1)
  public Long failsafeOneFailure() {
    return failsafeDefaults.get(checkedFailingOnce);
  }

  /** The failure of the one-failure variants: preallocated and without a stack trace. */
  static final class PlannedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PlannedFailure() {
      super("planned failure", null, false, false);
    }
  }
}
