package dev.ossp.runtime.auth;

import java.net.URI;
import java.util.Optional;

/** The part of an outbound request an {@link AuthProvider} may read and change. */
public interface OutboundRequest {
  /** The request URI, without credentials. */
  URI uri();

  /** The current value of header {@code name}, case-insensitive. */
  Optional<String> header(String name);

  /** Sets header {@code name}, replacing any value. */
  void setHeader(String name, String value);

  /** Adds a query parameter. */
  void addQueryParameter(String name, String value);

  /** Adds a cookie. */
  void addCookie(String name, String value);
}
