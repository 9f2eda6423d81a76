package dev.ossp.runtime.metrics.loadtest;

/**
 * One request of a load-test scenario. A call that returns normally counts as a success; a call
 * that throws counts as a failure of the {@link dev.ossp.runtime.error.ErrorKind} the exception
 * carries ({@link dev.ossp.runtime.error.OsspException#kind()}), or of a kind derived from its type
 * otherwise.
 *
 * <p>Implementations are called from several threads at once and must be thread-safe.
 */
@FunctionalInterface
public interface LoadOperation {
  /** Sends one request and waits for its response. */
  void call() throws Exception;
}
