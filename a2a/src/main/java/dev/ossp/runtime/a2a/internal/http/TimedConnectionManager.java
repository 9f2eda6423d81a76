package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.pool.PoolController;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.io.LeaseRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Wraps the pooling connection manager to time every lease and report waits of a millisecond or
 * more to the {@link PoolController}, which the adaptive strategy uses to raise a route's limit.
 * Thread-safe.
 */
final class TimedConnectionManager implements HttpClientConnectionManager {
  private static final long REPORT_THRESHOLD_NANOS = 1_000_000L;

  private final HttpClientConnectionManager delegate;
  private final PoolController controller;

  TimedConnectionManager(HttpClientConnectionManager delegate, PoolController controller) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.controller = Objects.requireNonNull(controller, "controller");
  }

  @Override
  public LeaseRequest lease(String id, HttpRoute route, Timeout requestTimeout, Object state) {
    LeaseRequest lease = delegate.lease(id, route, requestTimeout, state);
    return new LeaseRequest() {
      @Override
      public ConnectionEndpoint get(Timeout timeout)
          throws InterruptedException, ExecutionException, TimeoutException {
        long start = System.nanoTime();
        try {
          return lease.get(timeout);
        } finally {
          long waited = System.nanoTime() - start;
          if (waited >= REPORT_THRESHOLD_NANOS) {
            controller.recordLeaseWait(RouteKeys.of(route), Duration.ofNanos(waited));
          }
        }
      }

      @Override
      public boolean cancel() {
        return lease.cancel();
      }
    };
  }

  @Override
  public void release(ConnectionEndpoint endpoint, Object newState, TimeValue validDuration) {
    delegate.release(endpoint, newState, validDuration);
  }

  @Override
  public void connect(ConnectionEndpoint endpoint, TimeValue connectTimeout, HttpContext context)
      throws IOException {
    delegate.connect(endpoint, connectTimeout, context);
  }

  @Override
  public void upgrade(ConnectionEndpoint endpoint, HttpContext context) throws IOException {
    delegate.upgrade(endpoint, context);
  }

  @Override
  public void close(CloseMode closeMode) {
    delegate.close(closeMode);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
