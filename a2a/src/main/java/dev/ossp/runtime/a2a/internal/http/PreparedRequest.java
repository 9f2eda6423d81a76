package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.auth.OutboundRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The headers, query parameters and cookies of one outgoing request while the client and the auth
 * provider assemble them. Header names are matched ignoring case; {@link #setHeader} replaces. Not
 * thread-safe: one call builds it on one thread.
 */
final class PreparedRequest implements OutboundRequest {
  private final URI uri;
  private final List<Map.Entry<String, String>> headers = new ArrayList<>(8);
  private final List<String> queryParameters = new ArrayList<>(2);
  private final List<String> cookies = new ArrayList<>(2);

  PreparedRequest(URI uri) {
    this.uri = Objects.requireNonNull(uri, "uri");
  }

  @Override
  public URI uri() {
    return uri;
  }

  @Override
  public Optional<String> header(String name) {
    Objects.requireNonNull(name, "name");

    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return Optional.of(header.getValue());
      }
    }
    return Optional.empty();
  }

  @Override
  public void setHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");

    for (int i = 0; i < headers.size(); i++) {
      if (headers.get(i).getKey().equalsIgnoreCase(name)) {
        headers.set(i, new AbstractMap.SimpleImmutableEntry<>(name, value));
        return;
      }
    }
    headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
  }

  /** Removes header {@code name}, ignoring case. */
  void removeHeader(String name) {
    headers.removeIf(header -> header.getKey().equalsIgnoreCase(name));
  }

  @Override
  public void addQueryParameter(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");

    queryParameters.add(
        URLEncoder.encode(name, StandardCharsets.UTF_8)
            + "="
            + URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  @Override
  public void addCookie(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");

    if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") || value.matches(".*[;,\\s\"\\\\].*")) {
      throw new IllegalArgumentException("cookie '" + name + "' has an invalid name or value");
    }
    cookies.add(name + "=" + value);
  }

  /** Returns the URL with the added query parameters. */
  URI finalUri() {
    if (queryParameters.isEmpty()) {
      return uri;
    }
    String text = uri.toString();
    int fragment = text.indexOf('#');
    String base = fragment < 0 ? text : text.substring(0, fragment);
    String separator = uri.getRawQuery() == null ? "?" : "&";
    return URI.create(base + separator + String.join("&", queryParameters));
  }

  /** Returns the headers with the added cookies joined into one {@code Cookie} header. */
  List<Map.Entry<String, String>> finalHeaders() {
    if (!cookies.isEmpty()) {
      String joined = String.join("; ", cookies);
      Optional<String> existing = header("Cookie");
      setHeader("Cookie", existing.map(value -> value + "; " + joined).orElse(joined));
      cookies.clear();
    }
    return List.copyOf(headers);
  }
}
