package dev.ossp.runtime.mcp.internal.client;

import dev.ossp.runtime.metrics.Metrics;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The resources that all connections of one connector or pool share: a scheduler for timeouts and
 * checks, an executor for handlers and closes, the clock, metrics and the JVM environment that
 * stdio servers' base environment comes from. Every thread is a daemon.
 *
 * <p>Thread-safe.
 */
public final class ClientResources implements AutoCloseable {
  private final ScheduledExecutorService scheduler;
  private final ExecutorService executor;
  private final Clock clock;
  private final Metrics metrics;
  private final Map<String, String> jvmEnvironment;

  private ClientResources(Clock clock, Metrics metrics, Map<String, String> jvmEnvironment) {
    ScheduledThreadPoolExecutor timers =
        new ScheduledThreadPoolExecutor(1, daemonThreads("mcp-timer"));
    timers.setRemoveOnCancelPolicy(true);
    this.scheduler = timers;
    this.executor = Executors.newCachedThreadPool(daemonThreads("mcp-worker"));
    this.clock = clock;
    this.metrics = metrics;
    this.jvmEnvironment = Map.copyOf(jvmEnvironment);
  }

  /**
   * Creates the shared resources.
   *
   * @param jvmEnvironment the environment whose base variables stdio servers get, normally {@code
   *     System.getenv()}
   */
  public static ClientResources create(
      Clock clock, Metrics metrics, Map<String, String> jvmEnvironment) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(jvmEnvironment, "jvmEnvironment");

    return new ClientResources(clock, metrics, jvmEnvironment);
  }

  /** Creates resources with the system clock, no metrics and the JVM's environment. */
  public static ClientResources defaults() {
    return create(Clock.systemUTC(), Metrics.noop(), System.getenv());
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The scheduler for timeouts and periodic checks; its tasks must be short. */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** The executor for handlers, closes and other work that may block. */
  public ExecutorService executor() {
    return executor;
  }

  /** The clock for timestamps and idle times. */
  public Clock clock() {
    return clock;
  }

  /** The metrics facade. */
  public Metrics metrics() {
    return metrics;
  }

  /** The environment stdio servers' base variables come from. */
  public Map<String, String> jvmEnvironment() {
    return jvmEnvironment;
  }

  /** Stops the threads, waiting up to one second for running tasks. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
