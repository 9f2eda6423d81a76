package dev.ossp.runtime.a2a.internal.http;

import java.net.URI;
import java.util.Locale;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.HttpHost;

/** The pool key of a URL or route: {@code scheme://host:port}, with the default port filled in. */
final class RouteKeys {
  private RouteKeys() {}

  static String of(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    int port = url.getPort() >= 0 ? url.getPort() : (scheme.equals("https") ? 443 : 80);
    return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }

  static String of(HttpRoute route) {
    HttpHost host = route.getTargetHost();
    String scheme = host.getSchemeName().toLowerCase(Locale.ROOT);
    int port = host.getPort() >= 0 ? host.getPort() : (scheme.equals("https") ? 443 : 80);
    return scheme + "://" + host.getHostName().toLowerCase(Locale.ROOT) + ":" + port;
  }
}
