package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The full URLs of routes on agent endpoints, parsed once and kept, because parsing a {@link URI}
 * on every call to an agent costs more than a map lookup. The cache keeps at most {@code
 * maxEntries} URLs and is emptied when it is full, so routes that embed ids cannot grow it without
 * bound. Only valid URLs are kept, so an invalid route fails on every call. Thread-safe.
 */
final class RouteUrls {
  private final int maxEntries;
  private final Map<Key, URI> urls = new ConcurrentHashMap<>();

  RouteUrls(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be >= 1, was " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  /**
   * Returns {@code route} appended to {@code base}, as {@link #join} does.
   *
   * @throws OsspException of kind {@code VALIDATION} when the route is invalid
   */
  URI resolve(URI base, String route, String target) {
    Key key = new Key(base.toString(), route);
    URI url = urls.get(key);
    if (url != null) {
      return url;
    }
    url = join(base, route, target);
    if (urls.size() >= maxEntries) {
      urls.clear();
    }
    urls.put(key, url);
    return url;
  }

  /** Returns the number of URLs kept now. */
  int size() {
    return urls.size();
  }

  /**
   * Appends {@code route} to {@code base}. A trailing slash of the base and a leading slash of the
   * route become one.
   *
   * @throws OsspException of kind {@code VALIDATION} when the route does not start with {@code /}
   *     or {@code ?}, or does not form a valid URL
   */
  static URI join(URI base, String route, String target) {
    if (!route.isEmpty() && !route.startsWith("/") && !route.startsWith("?")) {
      throw new OsspException(
          ErrorKind.VALIDATION,
          "route '" + route + "' must start with '/' or '?', such as /v1/status",
          null,
          ErrorContext.builder().target(target).build(),
          false);
    }
    String text = base.toString();
    if (text.endsWith("/") && route.startsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    try {
      return new URI(text + route);
    } catch (URISyntaxException e) {
      throw new OsspException(
          ErrorKind.VALIDATION,
          "route '" + route + "' does not form a valid URL: " + e.getReason(),
          e,
          ErrorContext.builder().target(target).build(),
          false);
    }
  }

  private record Key(String base, String route) {}
}
