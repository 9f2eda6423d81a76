package dev.ossp.runtime.resilience.internal;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services the registries of one runtime share and the component closes at stop: a scheduler on
 * one daemon thread, started only when something first schedules a task.
 *
 * <p>This class is thread-safe.
 */
public final class ResilienceServices implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResilienceServices.class);

  private final String threadName;
  private final AtomicReference<ExecutorTaskScheduler> executor = new AtomicReference<>();
  private final TaskScheduler scheduler = this::scheduleLazily;
  private volatile boolean closed;

  /** Creates services whose scheduler thread is named {@code threadName-N}. */
  public ResilienceServices(String threadName) {
    this.threadName = java.util.Objects.requireNonNull(threadName, "threadName");
  }

  /** Returns the shared scheduler, whose thread starts with the first task. */
  public TaskScheduler scheduler() {
    return scheduler;
  }

  private TaskScheduler.ScheduledTask scheduleLazily(Runnable task, java.time.Duration delay) {
    if (closed) {
      throw new java.util.concurrent.RejectedExecutionException(
          "the resilience scheduler is closed");
    }
    ExecutorTaskScheduler current = executor.get();
    if (current == null) {
      ExecutorTaskScheduler created = ExecutorTaskScheduler.singleDaemonThread(threadName);
      if (executor.compareAndSet(null, created)) {
        LOG.debug("started resilience scheduler thread {}", threadName);
        current = created;
      } else {
        created.close();
        current = executor.get();
      }
    }
    return current.schedule(task, delay);
  }

  /** Stops the scheduler thread, if it was started. */
  @Override
  public void close() {
    closed = true;
    ExecutorTaskScheduler current = executor.getAndSet(null);
    if (current != null) {
      current.close();
    }
  }
}
