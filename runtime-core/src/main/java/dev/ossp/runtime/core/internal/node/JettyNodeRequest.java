package dev.ossp.runtime.core.internal.node;

import dev.ossp.runtime.node.NodeRequest;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;

/** A {@link NodeRequest} over a Jetty request whose body has been read. */
final class JettyNodeRequest implements NodeRequest {
  private final String method;
  private final String path;
  private final Map<String, String> pathParameters;
  private final Map<String, List<String>> queryParameters;
  private final HttpFields headers;
  private final byte[] body;
  private final String requestId;
  private final InetSocketAddress remoteAddress;

  JettyNodeRequest(
      String method,
      String path,
      Map<String, String> pathParameters,
      Map<String, List<String>> queryParameters,
      HttpFields headers,
      byte[] body,
      String requestId,
      InetSocketAddress remoteAddress) {
    this.method = method;
    this.path = path;
    this.pathParameters = Map.copyOf(pathParameters);
    this.queryParameters = Collections.unmodifiableMap(queryParameters);
    this.headers = headers;
    this.body = body;
    this.requestId = requestId;
    this.remoteAddress = remoteAddress;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String pathParameter(String name) {
    Objects.requireNonNull(name, "name");

    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "the route has no path parameter '" + name + "'; it has " + pathParameters.keySet());
    }
    return value;
  }

  @Override
  public Optional<String> queryParameter(String name) {
    Objects.requireNonNull(name, "name");

    List<String> values = queryParameters.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public Map<String, List<String>> queryParameters() {
    return queryParameters;
  }

  @Override
  public Optional<String> header(String name) {
    Objects.requireNonNull(name, "name");

    return Optional.ofNullable(headers.get(name));
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String requestId() {
    return requestId;
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  @Override
  public String toString() {
    return method + " " + path + " (request " + requestId + ")";
  }
}
