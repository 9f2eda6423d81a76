package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.a2a.AgentHttpClient;
import dev.ossp.runtime.a2a.AgentOutcome;
import dev.ossp.runtime.a2a.AgentRequest;
import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs batches for {@link AgentHttpClient#requestAll}: up to {@code parallelism} workers per batch
 * take the next request in turn, so at most that many calls of one batch are in flight; each call
 * has its own deadline, so a batch ends. Workers run on a shared pool of at most 256 daemon
 * threads; when it is full, the calling thread runs the worker itself. Thread-safe.
 */
final class BatchRunner implements AutoCloseable {
  private static final int MAX_THREADS = 256;

  private final AgentHttpClient client;
  private final ThreadPoolExecutor executor;

  BatchRunner(AgentHttpClient client, int defaultParallelism) {
    this.client = Objects.requireNonNull(client, "client");
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            0,
            MAX_THREADS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "ossp-a2a-batch-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
  }

  List<AgentOutcome> run(List<AgentRequest> requests, int parallelism) {
    Objects.requireNonNull(requests, "requests");
    List<AgentRequest> batch = List.copyOf(requests);
    AgentOutcome[] outcomes = new AgentOutcome[batch.size()];
    if (batch.isEmpty()) {
      return List.of();
    }
    AtomicInteger next = new AtomicInteger();
    int workers = Math.min(parallelism, batch.size());
    List<Future<?>> futures = new ArrayList<>(workers);
    Runnable worker =
        () -> {
          int index;
          while ((index = next.getAndIncrement()) < batch.size()) {
            AgentRequest request = batch.get(index);
            if (Thread.currentThread().isInterrupted()) {
              outcomes[index] = AgentOutcome.failure(request, cancelled(request));
              continue;
            }
            try {
              outcomes[index] =
                  AgentOutcome.success(
                      request, client.request(request.urn(), request.route(), request.options()));
            } catch (OsspException e) {
              outcomes[index] = AgentOutcome.failure(request, e);
            } catch (RuntimeException e) {
              outcomes[index] =
                  AgentOutcome.failure(
                      request,
                      new OsspException(
                          ErrorKind.INTERNAL,
                          "request to " + request.urn() + " failed: " + e,
                          e,
                          ErrorContext.builder().target(request.urn().toString()).build(),
                          false));
            }
          }
        };
    for (int i = 0; i < workers; i++) {
      futures.add(executor.submit(worker));
    }
    boolean interrupted = false;
    for (Future<?> future : futures) {
      try {
        if (interrupted) {
          future.cancel(true);
        } else {
          future.get();
        }
      } catch (InterruptedException e) {
        interrupted = true;
        next.set(batch.size());
        futures.forEach(pending -> pending.cancel(true));
      } catch (ExecutionException e) {
        // Workers catch every failure of a call; an error here is a defect, settled below.
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        outcomes[i] = AgentOutcome.failure(batch.get(i), cancelled(batch.get(i)));
      }
    }
    return Arrays.asList(outcomes);
  }

  private static OsspException cancelled(AgentRequest request) {
    return new OsspException(
        ErrorKind.CANCELLED,
        "request to " + request.urn() + " was not finished: the batch was interrupted",
        null,
        ErrorContext.builder().target(request.urn().toString()).build(),
        false);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
