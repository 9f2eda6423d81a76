package dev.ossp.runtime.node;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP route: a method, a path template and a handler.
 *
 * <p>Path templates are absolute paths whose segments are literals or {@code {name}} parameters; a
 * parameter matches one non-empty segment, percent-decoded once. A literal segment wins over a
 * parameter at the same position.
 *
 * @param method the HTTP method in upper case, such as {@code GET}
 * @param pathTemplate the path, such as {@code /v1/agents/{urn}}
 * @param access who may call the route
 * @param handler the code that answers
 */
public record Route(String method, String pathTemplate, Access access, RouteHandler handler) {
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /** Checks the method and template. */
  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(handler, "handler");
    method = method.toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("method must be one of " + METHODS + ", was " + method);
    }
    if (!pathTemplate.startsWith("/")) {
      throw new IllegalArgumentException("pathTemplate must start with '/', was " + pathTemplate);
    }
    for (String segment : pathTemplate.substring(1).split("/", -1)) {
      boolean parameter = segment.startsWith("{") && segment.endsWith("}");
      if (parameter ? segment.length() < 3 : segment.contains("{") || segment.contains("}")) {
        throw new IllegalArgumentException(
            "pathTemplate segment '" + segment + "' must be a literal or {name}: " + pathTemplate);
      }
    }
  }

  /** Returns an open route. */
  public static Route open(String method, String pathTemplate, RouteHandler handler) {
    return new Route(method, pathTemplate, Access.OPEN, handler);
  }

  /** Returns a route that requires the node's API key. */
  public static Route protectedRoute(String method, String pathTemplate, RouteHandler handler) {
    return new Route(method, pathTemplate, Access.API_KEY, handler);
  }

  /** Who may call a route. */
  public enum Access {
    /** Anyone who can reach the node. */
    OPEN,
    /**
     * Callers presenting the node's API key as {@code Authorization: Bearer <key>} or {@code
     * X-API-Key: <key>}; others get 401.
     */
    API_KEY
  }
}
