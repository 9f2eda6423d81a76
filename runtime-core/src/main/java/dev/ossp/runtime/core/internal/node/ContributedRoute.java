package dev.ossp.runtime.core.internal.node;

import dev.ossp.runtime.node.Route;
import java.util.Objects;

/**
 * A route with who contributed it, for the message when two routes clash.
 *
 * @param route the route
 * @param origin the contributing {@code RouteProvider}'s class name
 */
public record ContributedRoute(Route route, String origin) {
  /** Checks that both parts are present. */
  public ContributedRoute {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(origin, "origin");
  }
}
