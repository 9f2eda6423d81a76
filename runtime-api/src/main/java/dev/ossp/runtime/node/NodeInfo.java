package dev.ossp.runtime.node;

import java.net.URI;

/**
 * Where the node listens. Bound by the runtime core; valid once the node server has started, which
 * happens before any component starts.
 */
public interface NodeInfo {
  /** The bound host, such as {@code 127.0.0.1}. */
  String host();

  /** The bound port, also when port 0 was configured. */
  int port();

  /** The base URI, such as {@code http://127.0.0.1:7070}, without a trailing slash. */
  URI baseUri();
}
