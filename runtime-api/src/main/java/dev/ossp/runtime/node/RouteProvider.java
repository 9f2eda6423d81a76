package dev.ossp.runtime.node;

import java.util.List;

/**
 * Contributes HTTP routes to the node. Components add providers with {@code
 * binder.addToSet(RouteProvider.class, MyRoutes.class)}; the node server serves every route of
 * every provider. Two routes with the same method and path template stop startup.
 */
public interface RouteProvider {
  /** The routes, read once when the node starts. */
  List<Route> routes();
}
