package dev.ossp.runtime.a2a.internal.http;

import java.io.IOException;

/**
 * Turns a successful exchange into the call's result: reads the body and closes the exchange, or
 * takes the open exchange over (streams), in which case the client does not close it.
 *
 * @param <T> the result type
 */
public interface ExchangeHandler<T> {
  /** Returns the result of the exchange, which answered with a 2xx status. */
  T handle(OpenExchange exchange, int attempts, long startNanos, String requestId)
      throws IOException;

  /** Returns whether the result keeps the exchange open, so the client must not close it. */
  default boolean takesOverExchange() {
    return false;
  }
}
