package dev.ossp.runtime.mcp.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Bounded waits on futures for tests against real server processes. */
public final class TestFutures {
  /** How long, in seconds, a test waits for one future before it fails. */
  public static final long WAIT_SECONDS = 10;

  private TestFutures() {}

  /** Returns the future's value, waiting at most {@link #WAIT_SECONDS}. */
  public static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Returns the cause of the future's failure, waiting at most {@link #WAIT_SECONDS}. Fails the
   * test when the future completes normally or does not complete in time.
   */
  public static Throwable failureOf(CompletableFuture<?> future) {
    return assertThatThrownBy(() -> future.get(WAIT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .actual()
        .getCause();
  }
}
