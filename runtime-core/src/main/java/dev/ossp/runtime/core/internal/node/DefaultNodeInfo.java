package dev.ossp.runtime.core.internal.node;

import dev.ossp.runtime.node.NodeInfo;
import java.net.URI;
import java.util.Objects;

/**
 * The address of a started node.
 *
 * @param host the bound host
 * @param port the bound port
 */
public record DefaultNodeInfo(String host, int port) implements NodeInfo {
  /** Checks the host and port. */
  public DefaultNodeInfo {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("bound port must be in 1..65535, was " + port);
    }
  }

  @Override
  public URI baseUri() {
    String authority = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + authority + ":" + port);
  }

  @Override
  public String toString() {
    return baseUri().toString();
  }
}
