package dev.ossp.runtime.core.internal.node;

import dev.ossp.runtime.component.HealthStatus;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.core.RuntimeHealth;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.node.NodeInfo;
import dev.ossp.runtime.node.NodeResponse;
import dev.ossp.runtime.node.Route;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP server on Jetty 12 core, without the servlet API.
 *
 * <p>{@link #start()} binds the port and serves the core's {@code GET /health}; every other path
 * gets 503 until {@link #open} installs the contributed routes. {@link #stop()} first refuses new
 * connections, lets in-flight requests complete for up to {@code node.shutdown-timeout}, and then
 * closes what is left.
 *
 * <p>Thread-safe for requests; start, open and stop are called by the runtime's lifecycle, one at a
 * time.
 */
public final class NodeServer {
  /** The origin name of the routes the core serves itself. */
  public static final String CORE_ORIGIN = "runtime core";

  private static final Logger LOG = LoggerFactory.getLogger(NodeServer.class);
  private static final Duration MAX_SHUTDOWN_IDLE = Duration.ofSeconds(1);

  private final NodeSettings settings;
  private final Route healthRoute;
  private final NodeHandler handler;
  private @Nullable Server server;
  private @Nullable NodeInfo info;

  /**
   * Creates the server.
   *
   * @param settings the {@code node.*} settings
   * @param apiKey the key protected routes require
   * @param health the runtime's health, served at {@code GET /health}
   */
  public NodeServer(NodeSettings settings, ApiKey apiKey, Supplier<RuntimeHealth> health) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(health, "health");

    this.healthRoute = Route.open("GET", "/health", request -> healthResponse(health.get()));
    this.handler =
        new NodeHandler(
            RouteTable.builder().add(healthRoute, CORE_ORIGIN).build(),
            settings.maxBodySize(),
            apiKey);
  }

  /**
   * Binds the port and starts serving the core's routes.
   *
   * @return where the node listens, with the bound port
   * @throws ConfigException if the address cannot be bound, naming {@code node.host} and {@code
   *     node.port}
   */
  public NodeInfo start() {
    QueuedThreadPool threads =
        new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()));
    threads.setName("ossp-node");
    Server jetty = new Server(threads);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // Paths are split into segments before each segment is decoded once, so an encoded '/' or
    // '%' inside a path parameter is unambiguous here.
    http.setUriCompliance(
        UriCompliance.DEFAULT.with(
            "ossp-node",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
            UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
    ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    connector.setIdleTimeout(settings.idleTimeout().toMillis());
    // While draining, idle keep-alive connections close after this long, so stop() need not wait
    // for clients to hang up. A connection whose request is still being handled stays open.
    connector.setShutdownIdleTimeout(
        Math.min(MAX_SHUTDOWN_IDLE.toMillis(), settings.shutdownTimeout().toMillis()));
    jetty.addConnector(connector);

    jetty.setHandler(new DrainingHandler(handler));
    jetty.setErrorHandler(new JsonErrorHandler());
    jetty.setStopTimeout(settings.shutdownTimeout().toMillis());
    jetty.setStopAtShutdown(false);
    try {
      jetty.start();
    } catch (IOException e) {
      stopQuietly(jetty);
      throw new ConfigException(
          new Violation(
              "node.port",
              "the node cannot listen on "
                  + settings.host()
                  + ":"
                  + settings.port()
                  + ": "
                  + e.getMessage()
                  + "; choose another node.host or node.port (0 picks a free port)"));
    } catch (Exception e) {
      stopQuietly(jetty);
      throw new OsspException(
          ErrorKind.INTERNAL, "the node's HTTP server failed to start: " + e, e);
    }
    this.server = jetty;
    NodeInfo bound = new DefaultNodeInfo(settings.host(), connector.getLocalPort());
    this.info = bound;
    LOG.info("node listening on {}", bound.baseUri());
    return bound;
  }

  /**
   * Starts serving the contributed routes beside the core's.
   *
   * @param routes each route with who contributed it
   * @throws OsspException of kind internal if two routes have the same method and path shape
   */
  public void open(List<ContributedRoute> routes, Metrics metrics) {
    Objects.requireNonNull(routes, "routes");
    Objects.requireNonNull(metrics, "metrics");

    RouteTable.Builder table = RouteTable.builder().add(healthRoute, CORE_ORIGIN);
    for (ContributedRoute route : routes) {
      table.add(route.route(), route.origin());
    }
    RouteTable built;
    try {
      built = table.build();
    } catch (IllegalArgumentException e) {
      throw new OsspException(ErrorKind.INTERNAL, e.getMessage(), e);
    }
    handler.open(built, metrics);
    LOG.debug("node serves {} routes", built.size());
  }

  /** The node's bound address, or null before {@link #start()}. */
  public @Nullable NodeInfo info() {
    return info;
  }

  /**
   * Stops the server: new connections are refused at once, in-flight requests get up to {@code
   * node.shutdown-timeout} to complete, and the rest are closed.
   */
  public void stop() {
    Server jetty = server;
    if (jetty == null) {
      return;
    }
    server = null;
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn(
          "the node's HTTP server did not stop cleanly within {} ms",
          settings.shutdownTimeout().toMillis(),
          e);
    }
  }

  private static NodeResponse healthResponse(RuntimeHealth health) {
    int status = health.status() == HealthStatus.DOWN ? 503 : 200;
    return NodeResponse.json(status, NodeJson.health(health))
        .withHeader(HttpHeader.CACHE_CONTROL.asString(), "no-store");
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.debug("stopping a server that failed to start failed too", e);
    }
  }

  /** Rejects requests that arrive while the server drains with the JSON 503 error. */
  private static final class DrainingHandler extends GracefulHandler {
    DrainingHandler(Handler handler) {
      super(handler);
    }

    @Override
    protected void handleShutdownRejection(Request request, Response response, Callback callback) {
      String requestId = RequestIds.from(request.getHeaders().get(RequestIds.HEADER));
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      ResponseWriter.write(
          response,
          callback,
          NodeJson.error(503, "unavailable", "the node is shutting down", requestId),
          requestId,
          "HEAD".equals(request.getMethod().toUpperCase(Locale.ROOT)));
    }
  }
}
