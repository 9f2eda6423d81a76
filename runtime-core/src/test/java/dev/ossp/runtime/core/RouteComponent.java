package dev.ossp.runtime.core;

import dev.ossp.runtime.component.ComponentBinder;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.node.Route;
import dev.ossp.runtime.node.RouteProvider;
import java.util.List;

/** A component that contributes a fixed list of routes to the node. */
final class RouteComponent implements RuntimeComponent {
  private final String name;
  private final List<Route> routes;

  RouteComponent(String name, Route... routes) {
    this.name = name;
    this.routes = List.of(routes);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void configure(ComponentBinder binder) {
    binder.addInstanceToSet(RouteProvider.class, new Provider(routes));
  }

  private record Provider(List<Route> routes) implements RouteProvider {}
}
