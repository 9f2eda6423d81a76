package dev.ossp.runtime.core.internal.node;

import dev.ossp.runtime.node.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The node's routes in a tree of path segments. A literal segment wins over a {@code {name}}
 * parameter at the same position: the tree is searched literal-first, and the first matching path
 * that has a route for the method is used. {@code HEAD} falls back to {@code GET}.
 *
 * <p>Immutable once built and thread-safe.
 */
public final class RouteTable {
  private final Node root;
  private final int size;

  private RouteTable(Node root, int size) {
    this.root = root;
    this.size = size;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of routes. */
  public int size() {
    return size;
  }

  /**
   * Finds the route for {@code method} and the decoded path segments.
   *
   * @return the route with its path parameters, the methods the path allows, or not found
   */
  public Match match(String method, List<String> segments) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(segments, "segments");

    List<Node> candidates = new ArrayList<>();
    collect(root, segments, 0, candidates);
    for (Node node : candidates) {
      Entry entry = node.routes.get(method);
      if (entry == null && method.equals("HEAD")) {
        entry = node.routes.get("GET");
      }
      if (entry != null) {
        return new Found(entry.route, entry.parameters(segments));
      }
    }
    if (candidates.isEmpty()) {
      return NotFound.INSTANCE;
    }
    Set<String> allowed = new TreeSet<>();
    for (Node node : candidates) {
      allowed.addAll(node.routes.keySet());
    }
    if (allowed.contains("GET")) {
      allowed.add("HEAD");
    }
    return new MethodNotAllowed(allowed);
  }

  /** Adds every node that matches the whole path and has routes, literal branches first. */
  private static void collect(Node node, List<String> segments, int index, List<Node> found) {
    if (index == segments.size()) {
      if (!node.routes.isEmpty()) {
        found.add(node);
      }
      return;
    }
    String segment = segments.get(index);
    Node literal = node.literals.get(segment);
    if (literal != null) {
      collect(literal, segments, index + 1, found);
    }
    if (node.parameter != null && !segment.isEmpty()) {
      collect(node.parameter, segments, index + 1, found);
    }
  }

  /** The result of a lookup. */
  public sealed interface Match permits Found, MethodNotAllowed, NotFound {}

  /**
   * A route that handles the request.
   *
   * @param route the route
   * @param parameters the decoded path parameters by name
   */
  public record Found(Route route, Map<String, String> parameters) implements Match {}

  /**
   * The path exists, but not for the request's method.
   *
   * @param allowed the methods the path allows, for the {@code Allow} header
   */
  public record MethodNotAllowed(Set<String> allowed) implements Match {}

  /** No route has the path. */
  public enum NotFound implements Match {
    /** The only instance. */
    INSTANCE
  }

  private static final class Node {
    private final Map<String, Node> literals = new HashMap<>();
    private @Nullable Node parameter;
    private final Map<String, Entry> routes = new LinkedHashMap<>();
  }

  private record Entry(Route route, List<@Nullable String> parameterNames, String origin) {
    Map<String, String> parameters(List<String> segments) {
      Map<String, String> parameters = new LinkedHashMap<>();
      for (int i = 0; i < parameterNames.size(); i++) {
        String name = parameterNames.get(i);
        if (name != null) {
          parameters.put(name, segments.get(i));
        }
      }
      return parameters;
    }
  }

  /** Builds a {@link RouteTable}; not thread-safe. */
  public static final class Builder {
    private final Node root = new Node();
    private final List<String> duplicates = new ArrayList<>();
    private int size;

    private Builder() {}

    /**
     * Adds a route.
     *
     * @param origin who contributed it, for the message when two routes clash
     */
    public Builder add(Route route, String origin) {
      Objects.requireNonNull(route, "route");
      Objects.requireNonNull(origin, "origin");

      Node node = root;
      List<@Nullable String> parameterNames = new ArrayList<>();
      for (String segment : PathSegments.split(route.pathTemplate())) {
        if (segment.startsWith("{") && segment.endsWith("}")) {
          if (node.parameter == null) {
            node.parameter = new Node();
          }
          node = node.parameter;
          parameterNames.add(segment.substring(1, segment.length() - 1));
        } else {
          node = node.literals.computeIfAbsent(segment, key -> new Node());
          parameterNames.add(null);
        }
      }
      Entry existing = node.routes.get(route.method());
      if (existing != null) {
        duplicates.add(
            route.method()
                + " "
                + route.pathTemplate()
                + " (from "
                + origin
                + ") clashes with "
                + existing.route.method()
                + " "
                + existing.route.pathTemplate()
                + " (from "
                + existing.origin
                + ")");
        return this;
      }
      node.routes.put(route.method(), new Entry(route, parameterNames, origin));
      size++;
      return this;
    }

    /**
     * Returns the table.
     *
     * @throws IllegalArgumentException if two routes have the same method and path shape; the
     *     message names both and who contributed them
     */
    public RouteTable build() {
      if (!duplicates.isEmpty()) {
        throw new IllegalArgumentException("duplicate routes: " + String.join("; ", duplicates));
      }
      return new RouteTable(root, size);
    }
  }
}
