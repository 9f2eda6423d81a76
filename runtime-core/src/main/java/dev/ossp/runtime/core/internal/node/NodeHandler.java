package dev.ossp.runtime.core.internal.node;

import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import dev.ossp.runtime.node.NodeResponse;
import dev.ossp.runtime.node.Route;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every request of the node: finds the route, checks the API key and the body size, runs the
 * route's handler and turns any failure into the one JSON error shape. Until the routes are opened,
 * only the core's own routes respond and every other path gets 503.
 *
 * <p>Runs handlers on Jetty's request threads, blocking; thread-safe.
 */
final class NodeHandler extends Handler.Abstract {
  /** The header that carries an API key as an alternative to a bearer token. */
  static final String API_KEY_HEADER = "X-API-Key";

  private static final Logger LOG = LoggerFactory.getLogger(NodeHandler.class);
  private static final String UNMATCHED = "unmatched";
  private static final int READ_BUFFER_BYTES = 8192;

  private final RouteTable coreRoutes;
  private final long maxBodySize;
  private final ApiKey apiKey;
  private volatile @Nullable RouteTable routes;
  private volatile Metrics metrics = Metrics.noop();

  NodeHandler(RouteTable coreRoutes, long maxBodySize, ApiKey apiKey) {
    this.coreRoutes = coreRoutes;
    this.maxBodySize = maxBodySize;
    this.apiKey = apiKey;
  }

  /** Starts serving {@code table}, which includes the core's routes, recording to metrics. */
  void open(RouteTable table, Metrics metrics) {
    this.metrics = metrics;
    this.routes = table;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    String requestId = RequestIds.from(request.getHeaders().get(RequestIds.HEADER));
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    Outcome outcome = dispatch(request, method, requestId);
    ResponseWriter.write(response, callback, outcome.response(), requestId, method.equals("HEAD"));

    long elapsed = System.nanoTime() - start;
    int status = outcome.response().status();
    metrics
        .timer(
            "ossp.node.requests",
            Tags.of("method", method, "route", outcome.route(), "status", String.valueOf(status)))
        .recordNanos(elapsed);
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} {} -> {} in {} ms (request {})",
          method,
          request.getHttpURI().getPath(),
          status,
          Duration.ofNanos(elapsed).toMillis(),
          requestId);
    }
    return true;
  }

  private Outcome dispatch(Request request, String method, String requestId) {
    String rawPath = request.getHttpURI().getPath();
    List<String> segments;
    try {
      segments = PathSegments.decodeAll(PathSegments.split(rawPath == null ? "/" : rawPath));
    } catch (IllegalArgumentException e) {
      return unmatched(NodeJson.error(400, "validation", e.getMessage(), requestId));
    }
    String path = "/" + String.join("/", segments);

    RouteTable table = routes;
    RouteTable.Match match = (table == null ? coreRoutes : table).match(method, segments);
    if (table == null && !(match instanceof RouteTable.Found)) {
      return unmatched(
          NodeJson.error(503, "unavailable", "the node is starting; retry shortly", requestId)
              .withHeader(HttpHeader.RETRY_AFTER.asString(), "1"));
    }
    if (match instanceof RouteTable.Found found) {
      Route route = found.route();
      String label = route.method() + " " + route.pathTemplate();
      return new Outcome(serve(request, method, path, found, requestId), label);
    }
    if (match instanceof RouteTable.MethodNotAllowed notAllowed) {
      String allowed = String.join(", ", notAllowed.allowed());
      return unmatched(
          NodeJson.error(
                  405,
                  "method-not-allowed",
                  "method " + method + " is not allowed for " + path + "; allowed: " + allowed,
                  requestId)
              .withHeader(HttpHeader.ALLOW.asString(), allowed));
    }
    return unmatched(NodeJson.error(404, "not-found", "no route for " + path, requestId));
  }

  private NodeResponse serve(
      Request request, String method, String path, RouteTable.Found found, String requestId) {
    Route route = found.route();
    if (route.access() == Route.Access.API_KEY
        && !apiKey.accepts(
            request.getHeaders().get(HttpHeader.AUTHORIZATION),
            request.getHeaders().get(API_KEY_HEADER))) {
      LOG.debug("rejected request {} to {} {}: missing or wrong API key", requestId, method, path);
      return NodeJson.error(
              401,
              "auth",
              "missing or invalid API key; send Authorization: Bearer <key> or X-API-Key: <key>",
              requestId)
          .withHeader(HttpHeader.WWW_AUTHENTICATE.asString(), "Bearer realm=\"ossp-node\"");
    }

    long declaredLength = request.getLength();
    if (declaredLength > maxBodySize) {
      return tooLarge(requestId);
    }
    byte[] body;
    try {
      body = readBody(request, declaredLength);
    } catch (BodyTooLargeException e) {
      return tooLarge(requestId);
    } catch (IOException e) {
      return NodeJson.error(
          400, "validation", "cannot read the request body: " + e.getMessage(), requestId);
    }
    Map<String, List<String>> query;
    try {
      query = queryParameters(request);
    } catch (RuntimeException e) {
      return NodeJson.error(
          400, "validation", "invalid query string: " + e.getMessage(), requestId);
    }

    JettyNodeRequest nodeRequest =
        new JettyNodeRequest(
            method,
            path,
            found.parameters(),
            query,
            request.getHeaders(),
            body,
            requestId,
            remoteAddress(request));
    return invoke(route, nodeRequest);
  }

  private static NodeResponse invoke(Route route, JettyNodeRequest request) {
    String requestId = request.requestId();
    try {
      NodeResponse response = route.handler().handle(request);
      if (response == null) {
        throw new IllegalStateException("the route handler returned null");
      }
      return response;
    } catch (OsspException e) {
      int status = e.kind().httpStatus();
      List<Violation> violations =
          e instanceof ValidationException validation ? validation.violations() : List.of();
      if (status >= 500) {
        LOG.warn(
            "route {} {} failed for request {}: {}",
            route.method(),
            route.pathTemplate(),
            requestId,
            e.toString());
      }
      NodeResponse response =
          NodeJson.error(status, e.kind().code(), e.getMessage(), requestId, violations);
      if (e.context().retryAfter().isPresent()) {
        long seconds = Math.max(1, e.context().retryAfter().get().toSeconds());
        response = response.withHeader(HttpHeader.RETRY_AFTER.asString(), String.valueOf(seconds));
      }
      return response;
    } catch (Exception | LinkageError e) {
      LOG.error(
          "route {} {} failed for request {}", route.method(), route.pathTemplate(), requestId, e);
      return NodeJson.error(
          500, "internal", ResponseWriter.internalErrorMessage(requestId), requestId);
    }
  }

  private byte[] readBody(Request request, long declaredLength) throws IOException {
    if (declaredLength == 0) {
      return new byte[0];
    }
    InputStream in = Content.Source.asInputStream(request);
    ByteArrayOutputStream body =
        new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : READ_BUFFER_BYTES);
    byte[] buffer = new byte[READ_BUFFER_BYTES];
    long total = 0;
    int read;
    while ((read = in.read(buffer)) != -1) {
      total += read;
      if (total > maxBodySize) {
        throw new BodyTooLargeException();
      }
      body.write(buffer, 0, read);
    }
    return body.toByteArray();
  }

  private NodeResponse tooLarge(String requestId) {
    return NodeJson.error(
            413,
            "payload-too-large",
            "request body exceeds the limit of " + maxBodySize + " bytes (node.max-body-size)",
            requestId)
        .withHeader(HttpHeader.CONNECTION.asString(), "close");
  }

  private static Map<String, List<String>> queryParameters(Request request) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    for (Fields.Field field : fields) {
      query.put(field.getName(), List.copyOf(new ArrayList<>(field.getValues())));
    }
    return query;
  }

  private static InetSocketAddress remoteAddress(Request request) {
    SocketAddress address = request.getConnectionMetaData().getRemoteSocketAddress();
    return address instanceof InetSocketAddress inet
        ? inet
        : InetSocketAddress.createUnresolved("unknown", 0);
  }

  private static Outcome unmatched(NodeResponse response) {
    return new Outcome(response, UNMATCHED);
  }

  private record Outcome(NodeResponse response, String route) {}

  private static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
