package dev.ossp.runtime.auth;

import dev.ossp.runtime.spi.Strategy;

/**
 * Adds credentials to an outbound request. Built-ins: {@code none}, {@code bearer}, {@code
 * api-key}, {@code basic} and {@code delegation}; chosen per target in configuration.
 *
 * <p>Implementations never log a credential, never put one in an exception message, and never
 * include one in {@code toString}.
 */
public interface AuthProvider extends Strategy {
  /** Adds this provider's credentials to {@code request}, as {@code settings} says. */
  void authenticate(OutboundRequest request, AuthSettings settings);
}
